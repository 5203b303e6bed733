package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import io.tributary.group.GroupDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness on a server whose session timeout is short (1 s): a member's heartbeats come from a thread of its
 * own, so a handler far slower than the timeout does not cost it its partitions; and the group resumes
 * where it committed after the server restarts.
 */
class RemoteGroupLivenessTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> SHORT_SESSIONS = Map.of("tributary.group.session-timeout", "1s",
            "tributary.group.heartbeat-interval", "200ms");

    @TempDir
    Path data;
    private BrokerFixture broker;

    @BeforeEach
    void start() {
        broker = BrokerFixture.start(data, SHORT_SESSIONS);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void slowHandler_keepsItsPartitions_forLongerThanTheSessionTimeout() throws Exception {
        CountDownLatch slowOneDone = new CountDownLatch(1);
        RecordingListener hooks = new RecordingListener();
        try (Bus bus = Tributary.open(broker.url())) {
            bus.subscribe(Subscription.to("liveness-slow").group("slow").listener(hooks), event -> {
                if (event.type().equals("slow")) {
                    Thread.sleep(3_000); // three session timeouts
                    slowOneDone.countDown();
                }
            });
            hooks.awaitHeld(held -> held.size() == 1, WAIT);

            bus.publish("liveness-slow", Event.builder("slow").build()).join();
            assertThat(slowOneDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            GroupDescription group = bus.groups().describe("slow");

            assertThat(group.members()).singleElement()
                    .satisfies(member -> assertThat(member.owned()).containsExactly(TopicPartition.of("liveness-slow", 0)));
            assertThat(hooks.calls()).noneMatch(call -> call.startsWith("lost") || call.startsWith("revoked"));
        }
    }

    @Test
    void group_resumesWhereItCommitted_afterTheServerRestarts() throws Exception {
        try (Bus bus = Tributary.open(broker.url())) {
            RecordingListener hooks = new RecordingListener();
            RecordingHandler before = new RecordingHandler();
            SubscriptionHandle member = bus.subscribe(Subscription.to("liveness-restart").group("restart").listener(hooks),
                    before);
            hooks.awaitHeld(held -> held.size() == 1, WAIT);
            GroupContract.publishKeyed(bus, "liveness-restart", 0, 6);
            before.await(6, WAIT);
            member.close();
        }
        broker.close();
        broker = BrokerFixture.start(data, SHORT_SESSIONS);

        try (Bus bus = Tributary.open(broker.url())) {
            GroupContract.publishKeyed(bus, "liveness-restart", 6, 9);
            RecordingHandler after = new RecordingHandler();
            bus.subscribe(Subscription.to("liveness-restart").group("restart").from(StartPosition.earliest()), after);

            assertThat(after.await(3, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(6, 7, 8);
        }
    }
}
