package io.tributary.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.Tributary;
import io.tributary.api.TopicPartition;
import io.tributary.cli.Await;
import io.tributary.cli.GroupBroker;
import io.tributary.cli.worker.HandledEvents.Handled;
import io.tributary.client.TributaryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes of one group share a six-partition topic while the test publishes; one is killed with
 * SIGKILL mid-stream. No event is lost, only the events the killed process had in flight (past the group's
 * committed offset when it died) are handled twice, committed offsets never go backwards, and SIGTERM makes the
 * survivors finish, commit, leave the group and exit 0.
 */
class WorkerProcessesTest {

    private static final String TOPIC = "work";
    private static final String GROUP = "workers";
    private static final int PARTITIONS = 6;
    private static final int EVENTS = 3000;
    private static final int PUBLISHED_BEFORE_KILL = 1000;
    private static final Duration HANDLING = Duration.ofMillis(3);
    private static final Duration SESSION = Duration.ofSeconds(3);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    void aWorkerKilledMidStream_losesNothing_onlyItsInFlightEventsRunTwice_andTheSurvivorsLeaveOnSigterm()
            throws Exception {
        HandledEvents handled = new HandledEvents(out);
        try (GroupBroker broker = GroupBroker.start(data, SESSION, Duration.ofMillis(500));
                Bus bus = Tributary.open(broker.url())) {
            try (TributaryClient client = TributaryClient.connect(broker.url())) {
                client.createTopic(TOPIC, PARTITIONS, Map.of());
            }
            GroupView group = new GroupView(bus.groups(), GROUP);
            Map<TopicPartition, Long> committedAtKill;
            Map<String, EventPosition> published;
            WorkerProcess victim;
            List<WorkerProcess> survivors;
            try (CommittedOffsetsMonitor monitor = CommittedOffsetsMonitor.start(bus.groups(), GROUP);
                    WorkerProcess a = worker(broker);
                    WorkerProcess b = worker(broker);
                    WorkerProcess c = worker(broker)) {
                for (WorkerProcess worker : List.of(a, b, c)) {
                    worker.awaitReady();
                }
                Await.until(Duration.ofSeconds(30), "three members holding two partitions each",
                        () -> group.isBalanced(3, PARTITIONS), () -> group.describe().toString());
                victim = a;
                survivors = List.of(b, c);

                try (Publisher publisher = new Publisher(bus, TOPIC, 97).startPublishing(EVENTS, 50, Duration.ofMillis(25))) {
                    Await.until(Duration.ofSeconds(60), "the victim is handling, " + PUBLISHED_BEFORE_KILL + " published",
                            () -> publisher.count() >= PUBLISHED_BEFORE_KILL && handled.countBy(victim.pid()) >= 50);
                    victim.kill();
                    committedAtKill = group.committed(); // nothing of the victim's can commit any more
                    published = publisher.awaitDone(Duration.ofSeconds(60));
                }
                Await.until(Duration.ofSeconds(60), "every published event handled",
                        () -> handled.ids().containsAll(published.keySet()),
                        () -> (published.size() - handled.ids().size()) + " not handled yet; " + group.describe());

                for (WorkerProcess survivor : survivors) {
                    survivor.terminate();
                }
                for (WorkerProcess survivor : survivors) {
                    assertThat(survivor.awaitExit(SHUTDOWN.plusSeconds(10))).as("exit code of %s after SIGTERM; stderr: %s",
                            survivor, survivor.stderr()).isZero();
                }
                assertThat(group.describe().members()).as("members right after the survivors stopped").isEmpty();

                assertThat(monitor.wentBackwards()).as("committed offsets that went backwards").isEmpty();
                assertThat(monitor.reads()).as("times the monitor read the offsets").isGreaterThan(20);
            }

            assertThat(handled.ids()).as("handled events").containsAll(published.keySet());
            Map<String, List<Handled>> twice = handled.duplicates();
            System.out.println("events handled twice (in flight in the killed worker): " + twice.size()
                    + "; committed at the kill: " + committedAtKill);
            twice.forEach((id, times) -> {
                List<Handled> byVictim = times.stream().filter(time -> time.pid() == victim.pid()).toList();
                assertThat(byVictim).as("handlings of %s by the killed worker (all: %s)", id, times).isNotEmpty();
                assertThat(times.size() - byVictim.size()).as("handlings of %s by the survivors", id).isEqualTo(1);
                for (Handled time : byVictim) {
                    long committed = committedAtKill.getOrDefault(TopicPartition.of(TOPIC, time.partition()), 0L);
                    assertThat(time.offset()).as("offset of %s, handled twice, against the committed offset %d of"
                            + " partition %d at the kill", id, committed, time.partition()).isGreaterThanOrEqualTo(committed);
                }
            });
            Set<Long> pids = Set.of(victim.pid(), survivors.get(0).pid(), survivors.get(1).pid());
            assertThat(handled.all()).extracting(Handled::pid).allMatch(pids::contains);
        }
    }

    private WorkerProcess worker(GroupBroker broker) throws Exception {
        return WorkerProcess.start(broker.url(), GROUP, TOPIC, out, HANDLING, SHUTDOWN);
    }
}
