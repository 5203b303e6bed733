package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * How far a group is in one partition.
 *
 * @param partition      the partition
 * @param owner          the member holding it, or {@code null}
 * @param committed      the group's committed offset (the next offset to read), or empty if it never committed
 * @param logStartOffset the partition's first offset
 * @param endOffset      the partition's committed end offset (where the next record will go)
 */
public record PartitionProgress(TopicPartition partition, @Nullable String owner, OptionalLong committed,
        long logStartOffset, long endOffset) {

    public PartitionProgress {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(committed, "committed");
    }

    /**
     * Events the group has yet to handle: from its committed offset (or, without one, from the log start)
     * to the end; never negative.
     */
    public long lag() {
        long from = Math.max(committed.orElse(logStartOffset), logStartOffset);
        return Math.max(0, endOffset - from);
    }
}
