package io.tributary.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.Tributary;
import io.tributary.api.TopicPartition;
import io.tributary.cli.Await;
import io.tributary.cli.GroupBroker;
import io.tributary.client.TributaryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker frozen with SIGSTOP past its session loses its partitions to the other worker; when it resumes
 * (SIGCONT), the group refuses it as an unknown member, so it cannot commit: it drops its partitions without
 * committing and joins again. Committed offsets never go backwards and no event is lost.
 */
class FencedMemberProcessTest {

    private static final String TOPIC = "fenced";
    private static final String GROUP = "fenced-workers";
    private static final int PARTITIONS = 4;
    private static final Duration SESSION = Duration.ofSeconds(2);
    private static final Duration HANDLING = Duration.ofMillis(10);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    void aWorkerPausedPastItsSession_cannotCommitWhenItResumes_andJoinsAgain() throws Exception {
        HandledEvents handled = new HandledEvents(out);
        try (GroupBroker broker = GroupBroker.start(data, SESSION, Duration.ofMillis(500));
                Bus bus = Tributary.open(broker.url())) {
            try (TributaryClient client = TributaryClient.connect(broker.url())) {
                client.createTopic(TOPIC, PARTITIONS, Map.of());
            }
            GroupView group = new GroupView(bus.groups(), GROUP);
            try (CommittedOffsetsMonitor monitor = CommittedOffsetsMonitor.start(bus.groups(), GROUP);
                    WorkerProcess a = worker(broker);
                    WorkerProcess b = worker(broker)) {
                a.awaitReady();
                b.awaitReady();
                Await.until(Duration.ofSeconds(30), "two members holding two partitions each",
                        () -> group.isBalanced(2, PARTITIONS), () -> group.describe().toString());

                Map<String, EventPosition> published;
                try (Publisher publisher = new Publisher(bus, TOPIC, 31).startPublishing(2000, 20, Duration.ofMillis(40))) {
                    Await.until(Duration.ofSeconds(30), "worker A is handling",
                            () -> handled.countBy(a.pid()) >= 10 && handled.countBy(b.pid()) >= 10);
                    Set<Integer> ofA = group.ownedBy(a.pid()).stream().map(TopicPartition::partition)
                            .collect(Collectors.toSet());
                    a.pause();
                    try {
                        Await.until(Duration.ofSeconds(20), "the group lets A go and gives B every partition",
                                () -> group.onlyMemberIs(b.pid(), PARTITIONS), () -> group.describe().toString());
                        Await.until(Duration.ofSeconds(20), "B handles the partitions of A " + ofA + " while A is frozen",
                                () -> handled.all().stream().anyMatch(h -> h.pid() == b.pid() && ofA.contains(h.partition())));
                    } finally {
                        a.resume();
                    }
                    published = publisher.awaitDone(Duration.ofSeconds(90));
                }
                Await.until(Duration.ofSeconds(30), "A is refused as an unknown member and joins again",
                        () -> a.stderr().contains("no longer knows member") && group.isBalanced(2, PARTITIONS)
                                && group.memberOf(a.pid()).isPresent(),
                        () -> "stderr of A: " + a.stderr() + "; group: " + group.describe());
                Await.until(Duration.ofSeconds(60), "every published event handled",
                        () -> handled.ids().containsAll(published.keySet()),
                        () -> missing(published, handled) + "; " + group.describe() + "; A=" + a.pid() + " B=" + b.pid()
                                + "; fenced-3: " + monitor.changesOf(TopicPartition.of(TOPIC, 3)) + "; handled on 3: "
                                + handled.all().stream().filter(h -> h.partition() == 3).map(h -> h.pid() + "@" + h.offset())
                                        .toList() + "; stderr of A: " + a.stderr() + "; stderr of B: " + b.stderr()
                                + "; stderr of B: " + b.stderr());

                a.terminate();
                b.terminate();
                assertThat(a.awaitExit(SHUTDOWN.plusSeconds(10))).as("exit code of A; stderr: %s", a.stderr()).isZero();
                assertThat(b.awaitExit(SHUTDOWN.plusSeconds(10))).as("exit code of B; stderr: %s", b.stderr()).isZero();
                assertThat(group.describe().members()).isEmpty();

                System.out.println("stderr of the worker that was paused:\n" + a.stderr());
                assertThat(a.stderr()).as("what A logged after it resumed")
                        .containsPattern("(?s)the coordinator no longer knows member \\S+ .*joining again");
                assertThat(monitor.wentBackwards()).as("committed offsets that went backwards").isEmpty();
                assertThat(monitor.reads()).isGreaterThan(20);
                assertThat(handled.ids()).containsAll(published.keySet());
            }
        }
    }

    /** The published events nobody handled, by position, and who started them (for a failure's message). */
    private static String missing(Map<String, EventPosition> published, HandledEvents handled) {
        Set<String> done = handled.ids();
        return published.entrySet().stream().filter(entry -> !done.contains(entry.getKey()))
                .map(entry -> entry.getValue() + " " + entry.getKey()).sorted()
                .collect(Collectors.joining(", ", "not handled: [", "]"));
    }

    private WorkerProcess worker(GroupBroker broker) throws Exception {
        return WorkerProcess.start(broker.url(), GROUP, TOPIC, out, HANDLING, SHUTDOWN);
    }
}
