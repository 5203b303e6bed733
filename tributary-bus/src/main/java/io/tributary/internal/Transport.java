package io.tributary.internal;

import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.event.Event;
import io.tributary.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/**
 * Where a bus's events live: partitioned topics that are appended to and read by offset, with a wait
 * for new events. One implementation per URL scheme ({@code mem:}, {@code file:}, {@code tributary://});
 * everything above it (subscriptions, ordering, worker pool, error handling) is shared, which is why the
 * contract suite holds for all three. Thread-safe.
 */
public interface Transport extends AutoCloseable {

    /**
     * Partitions of {@code topic}, creating the topic first if it does not exist and the transport may.
     *
     * @throws io.tributary.api.TopicNotFoundException if it does not exist and cannot be created
     */
    int partitions(String topic);

    /** Partitions of {@code topic} if it exists, else 0; never creates it. */
    int existingPartitions(String topic);

    /**
     * Appends {@code event}; its partition comes from its partition key (murmur2, as the broker does) or,
     * without a key, from spreading.
     *
     * @return completes once the event is committed
     */
    CompletableFuture<EventPosition> append(String topic, Event event);

    /** A reader of one partition, positioned at {@code start}. */
    PartitionReader reader(String topic, int partition, StartPosition start);

    /**
     * The coordinator of the consumer groups of this transport's topics: the broker's for {@code file:}
     * and {@code tributary://}, one of its own for {@code mem:}.
     */
    GroupCoordinator groups();

    /** Releases the transport; called once the bus stopped every reader. */
    @Override
    void close();
}
