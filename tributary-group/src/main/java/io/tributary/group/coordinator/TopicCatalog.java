package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.time.Instant;

/**
 * The topics a coordinator assigns and measures: implemented by the broker over its topics and by the
 * {@code mem:} bus over its rings. Thread-safe. {@link #partitions}, {@link #logStartOffset} and
 * {@link #endOffset} are called with the coordinator's lock held (on every heartbeat, for each subscribed topic),
 * so they must answer from memory, without blocking; {@link #offsetForTime} is called without it.
 */
public interface TopicCatalog {

    /** How many partitions {@code topic} has; 0 when it does not exist. */
    int partitions(String topic);

    /**
     * The partition's first offset.
     *
     * @throws io.tributary.api.TopicNotFoundException if its topic does not exist
     */
    long logStartOffset(TopicPartition partition);

    /**
     * The partition's committed end offset: where the next record will go.
     *
     * @throws io.tributary.api.TopicNotFoundException if its topic does not exist
     */
    long endOffset(TopicPartition partition);

    /**
     * The offset of the first record whose timestamp is at or after {@code time}, or the end offset when there
     * is none. May read the partition: it is only used to reset offsets, never on a member's path, and never
     * with the coordinator's lock held.
     *
     * @throws io.tributary.api.TopicNotFoundException if its topic does not exist
     */
    long offsetForTime(TopicPartition partition, Instant time);
}
