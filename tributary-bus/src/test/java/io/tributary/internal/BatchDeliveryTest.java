package io.tributary.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.Subscription;
import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a batch reports as handled: only what its handler finished. A batch of which nothing was finished reports
 * nothing — its first offset would claim the events before it, which the batch before may not have finished.
 */
class BatchDeliveryTest {

    private final List<Long> reported = new CopyOnWriteArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final WorkerPool workers = new WorkerPool("test-worker", 1);
    private final EventProcessing processing = new EventProcessing(Subscription.to("orders"),
            event -> handled.add(event.type()), null, InstantSource.system(), new Random(1));

    @AfterEach
    void close() {
        workers.close(Duration.ofSeconds(5));
    }

    /** A feed positioned at {@code start}, never started: the test drives its deliveries. */
    private PartitionFeed feedAt(long start) {
        PartitionReader reader = new PartitionReader() {
            @Override
            public Fetched next(int maxEvents, Duration wait) {
                return Fetched.none(start);
            }

            @Override
            public long position() {
                return start;
            }
        };
        return new PartitionFeed(TopicPartition.of("orders", 0), reader, processing, workers, reported::add);
    }

    private static Fetched batch(long from, String... types) {
        Event[] events = new Event[types.length];
        long[] offsets = new long[types.length];
        for (int i = 0; i < types.length; i++) {
            events[i] = Event.builder(types[i]).build();
            offsets[i] = from + i;
        }
        return new Fetched(events, offsets, types.length, from + types.length);
    }

    @Test
    void aFinishedBatch_reportsThePositionAfterIt() {
        PartitionFeed feed = feedAt(10);
        BatchDelivery delivery = new BatchDelivery(feed, processing, batch(10, "a", "b"));

        delivery.run();

        assertThat(handled).containsExactly("a", "b");
        assertThat(reported).containsExactly(12L);
    }

    @Test
    void aBatchNeverHandedToAWorker_reportsNothing() {
        PartitionFeed feed = feedAt(10); // the batch before (10..13) ended short: 10 is where the group resumes
        BatchDelivery delivery = new BatchDelivery(feed, processing, batch(14, "c", "d"));

        delivery.returnUnhandled();

        assertThat(delivery.done()).isDone();
        assertThat(reported).as("14 would skip 10 to 13").isEmpty();
    }

    @Test
    void aBatchWhoseFeedStoppedBeforeItsFirstEvent_reportsNothing() {
        PartitionFeed feed = feedAt(10);
        feed.stop();
        BatchDelivery delivery = new BatchDelivery(feed, processing, batch(14, "c", "d"));

        delivery.run();

        assertThat(handled).isEmpty();
        assertThat(reported).isEmpty();
    }
}
