package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.time.Instant;

/**
 * The topics a coordinator assigns and measures: implemented by the broker over its topics and by the
 * {@code mem:} bus over its rings. Thread-safe; called with the coordinator's lock held, so it must answer
 * from memory, without blocking.
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
     * is none. May read the partition (it is only used to reset offsets, never on a member's path).
     *
     * @throws io.tributary.api.TopicNotFoundException if its topic does not exist
     */
    long offsetForTime(TopicPartition partition, Instant time);
}
