package io.tributary.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.Tributary;
import io.tributary.api.TopicPartition;
import io.tributary.cli.Await;
import io.tributary.cli.GroupBroker;
import io.tributary.event.Event;
import io.tributary.group.PartitionProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM reaches a worker in the middle of a slow event: the event finishes, its offset is committed, the member
 * leaves the group and the process exits 0 within the shutdown timeout. The event after it, which the handler
 * never started, stays uncommitted for whoever comes next.
 */
class WorkerShutdownTest {

    private static final String TOPIC = "slow";
    private static final String GROUP = "slow-workers";
    private static final Duration HANDLING = Duration.ofSeconds(3);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    void sigterm_duringASlowEvent_finishesIt_commitsIt_leaves_andExitsZero() throws Exception {
        HandledEvents handled = new HandledEvents(out);
        try (GroupBroker broker = GroupBroker.start(data);
                Bus bus = Tributary.open(broker.url());
                WorkerProcess worker = WorkerProcess.start(broker.url(), GROUP, TOPIC, out, HANDLING, SHUTDOWN)) {
            worker.awaitReady();
            Event slow = Event.builder("work.slow").key("k").build();
            Event next = Event.builder("work.next").key("k").build();
            EventPosition position = bus.publish(TOPIC, slow).get(30, TimeUnit.SECONDS);
            bus.publish(TOPIC, next).get(30, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(30), "the worker started the slow event",
                    () -> handled.startedBy(worker.pid()).contains(slow.id()), worker::stderr);

            long signalled = System.nanoTime();
            worker.terminate();
            int exit = worker.awaitExit(SHUTDOWN.plusSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(exit).as("exit code after SIGTERM; stderr: %s", worker.stderr()).isZero();
            assertThat(took).as("time from SIGTERM to exit").isLessThan(SHUTDOWN.plus(WorkerCommand.LEAVE_GRACE));
            assertThat(handled.ids()).as("events the worker finished").containsExactly(slow.id());
            assertThat(handled.startedBy(worker.pid())).as("events the worker started").doesNotContain(next.id());
            PartitionProgress progress = bus.groups().describe(GROUP).partitions().stream()
                    .filter(p -> p.partition().equals(TopicPartition.of(TOPIC, position.partition())))
                    .findFirst().orElseThrow();
            assertThat(progress.committed()).as("committed offset of %s", progress.partition())
                    .hasValue(position.offset() + 1);
            assertThat(bus.groups().describe(GROUP).members()).as("members after the exit").isEmpty();
            assertThat(worker.stderr()).contains("SIGTERM: worker of group " + GROUP + " stopping")
                    .contains("worker of group " + GROUP + " stopped");
        }
    }
}
