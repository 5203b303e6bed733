package io.tributary.internal;

import io.tributary.api.KeyPartitioner;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Picks the partition of one topic's events the way the broker does: murmur2 of the key's bytes
 * ({@link KeyPartitioner}), and round robin for events without a key. Thread-safe; one per topic.
 */
public final class PartitionChooser {

    private final int partitions;
    private final AtomicInteger nextKeyless = new AtomicInteger();

    public PartitionChooser(int partitions) {
        this.partitions = partitions;
    }

    /** @param key the partition key's UTF-8 bytes, or {@code null} */
    public int partitionFor(byte @Nullable [] key) {
        if (partitions == 1) {
            return 0;
        }
        return key != null ? KeyPartitioner.partition(key, partitions)
                : Math.floorMod(nextKeyless.getAndIncrement(), partitions);
    }
}
