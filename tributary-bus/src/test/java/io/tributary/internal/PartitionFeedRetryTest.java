package io.tributary.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.BusOptions;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.client.BrokerErrorException;
import io.tributary.event.Event;
import io.tributary.group.GroupCoordinator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A feed whose reads keep failing pauses longer and longer between them instead of spinning; the
 * failure here is the retriable {@code TOO_MANY_WAITING_READS} a server answers when a partition has as
 * many long polls as it allows.
 */
class PartitionFeedRetryTest {

    /** A transport of one partition whose reads all fail as a server refusing long polls does. */
    private static final class RefusingTransport implements Transport {
        final List<Long> readTimes = new CopyOnWriteArrayList<>();
        final CountDownLatch fiveReads = new CountDownLatch(5);

        @Override
        public int partitions(String topic) {
            return 1;
        }

        @Override
        public CompletableFuture<EventPosition> append(String topic, Event event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int existingPartitions(String topic) {
            return 1;
        }

        @Override
        public PartitionReader reader(String topic, int partition, StartPosition start) {
            return new PartitionReader() {
                @Override
                public Fetched next(int maxEvents, Duration wait) {
                    readTimes.add(System.nanoTime());
                    fiveReads.countDown();
                    throw new BrokerErrorException("TOO_MANY_WAITING_READS", true, "read of " + topic + "-" + partition
                            + ": the partition has as many long polls waiting as tributary.log.max-read-waiters allows");
                }

                @Override
                public long position() {
                    return 0;
                }
            };
        }

        @Override
        public GroupCoordinator groups() {
            throw new UnsupportedOperationException("no groups here");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void refusedReads_areRetriedAfterAGrowingPause() throws Exception {
        RefusingTransport transport = new RefusingTransport();
        try (TransportBus bus = new TransportBus("stub:", transport, BusOptions.defaults())) {
            bus.subscribe(Subscription.to("refused"), event -> { });

            assertThat(transport.fiveReads.await(10, TimeUnit.SECONDS)).isTrue();
        }

        List<Long> times = List.copyOf(transport.readTimes);
        // pauses of 50, 100, 200 and 400 ms: a sleep never ends early, so these are lower bounds
        for (int i = 1; i < 5; i++) {
            Duration pause = Duration.ofNanos(times.get(i) - times.get(i - 1));
            assertThat(pause).as("pause before read %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(50L << (i - 1)));
        }
    }
}
