package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.InvalidTopicNameException;
import io.tributary.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code mem:} behaviour that its hot path takes shortcuts for (tributary-bench's
 * InProcessDispatchBenchmark): topic names checked once, ring slots found by mask when the capacity is a
 * power of two, filters that pass every event skipped, room reported by the worker that handled a batch.
 */
class MemoryHotPathTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static Event numbered(int sequence) {
        return Event.builder("tick").key("k").data(Integer.toString(sequence).getBytes(StandardCharsets.UTF_8)).build();
    }

    static int sequenceOf(Event event) {
        return Integer.parseInt(new String(event.data(), StandardCharsets.UTF_8));
    }

    @Test
    void publishToAnInvalidTopic_isRefused_alsoOnceMoreTopicsThanTheBusRemembersWereUsed() {
        try (Bus bus = Tributary.open("mem:")) {
            assertThatThrownBy(() -> bus.publish("no spaces", numbered(0))).isInstanceOf(InvalidTopicNameException.class);
            for (int i = 0; i < 1100; i++) {
                bus.publish("topic-" + i, numbered(i)).join();
            }
            assertThatThrownBy(() -> bus.publish("no spaces", numbered(0))).isInstanceOf(InvalidTopicNameException.class);
            assertThatThrownBy(() -> bus.publish("..", numbered(0))).isInstanceOf(InvalidTopicNameException.class);
        }
    }

    @Test
    void capacityThatIsNotAPowerOfTwo_keepsOrderWhileTheRingWrapsAround() throws Exception {
        try (Bus bus = Tributary.open("mem:", BusOptions.defaults().withPartitionCapacity(3))) {
            RecordingHandler handler = new RecordingHandler();
            bus.subscribe(Subscription.to("wrap"), handler);
            for (int i = 0; i < 50; i++) {
                bus.publish("wrap", numbered(i)).join();
            }

            assertThat(handler.await(50, WAIT)).extracting(MemoryHotPathTest::sequenceOf)
                    .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        }
    }

    @Test
    void capacityOfOne_handsEveryEventOver_withoutRunningIntoMaxBlock() throws Exception {
        // The room an event leaves must be reported once it is handled, not when the next batch is read:
        // here the next batch is the very publish that waits for that room.
        BusOptions options = BusOptions.defaults().withPartitionCapacity(1).withMaxBlock(Duration.ofSeconds(5));
        try (Bus bus = Tributary.open("mem:", options)) {
            RecordingHandler handler = new RecordingHandler();
            bus.subscribe(Subscription.to("one-slot"), handler);
            for (int i = 0; i < 20; i++) {
                bus.publish("one-slot", numbered(i)).join();
            }

            assertThat(handler.await(20, WAIT)).extracting(MemoryHotPathTest::sequenceOf)
                    .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        }
    }

    @Test
    void capacityThatIsNotAPowerOfTwo_failsAPublishWhenEveryEventIsStillNeeded() throws Exception {
        BusOptions options = BusOptions.defaults().withPartitionCapacity(3).withWhenFull(BusOptions.WhenFull.FAIL);
        try (Bus bus = Tributary.open("mem:", options)) {
            CountDownLatch handling = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            bus.subscribe(Subscription.to("full"), event -> {
                handling.countDown();
                release.await();
            });
            bus.publish("full", numbered(0)).join();
            handling.await();
            bus.publish("full", numbered(1)).join();
            bus.publish("full", numbered(2)).join();

            assertThatThrownBy(() -> bus.publish("full", numbered(3))).isInstanceOf(BusFullException.class)
                    .hasMessageContaining("partition-capacity");
            release.countDown();
        }
    }

    @Test
    void trailingMultiTokenWildcard_passesEveryEvent() throws Exception {
        try (Bus bus = Tributary.open("mem:")) {
            RecordingHandler handler = new RecordingHandler();
            bus.subscribe(Subscription.to("wildcard").types(">"), handler);
            bus.publish("wildcard", Event.builder("a").build()).join();
            bus.publish("wildcard", Event.builder("a.b:c").build()).join();

            assertThat(handler.await(2, WAIT)).extracting(Event::type).containsExactly("a", "a.b:c");
        }
    }
}
