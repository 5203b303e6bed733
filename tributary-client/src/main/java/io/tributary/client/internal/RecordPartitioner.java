package io.tributary.client.internal;

import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses partitions the way the broker does for {@code ANY_PARTITION} (ARCHITECTURE.md §6): a record
 * with a key goes to {@link KeyPartitioner#partition murmur2(key) mod partitions}, as Kafka does;
 * records without a key go round robin <em>per batch</em>, all of one batch to the same partition.
 * Thread-safe: one round-robin counter per topic.
 */
public final class RecordPartitioner {

    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();

    /** The partition the next batch of key-less records of {@code topic} goes to; advances the round robin. */
    public int nextKeylessPartition(String topic, int partitionCount) {
        if (partitionCount == 1) {
            return 0;
        }
        int turn = roundRobin.computeIfAbsent(topic, t -> new AtomicInteger(randomStart())).getAndIncrement();
        return Math.floorMod(turn, partitionCount);
    }

    /**
     * Splits {@code records} by partition: keyed ones by hash, key-less ones together to the next
     * partition in round robin.
     *
     * @return for each partition used, the indices of its records in {@code records}, in order
     */
    public Map<Integer, List<Integer>> assign(String topic, List<Record> records, int partitionCount) {
        Map<Integer, List<Integer>> byPartition = new LinkedHashMap<>();
        int keyless = -1;
        for (int i = 0; i < records.size(); i++) {
            byte[] key = records.get(i).key();
            int partition;
            if (key != null) {
                partition = KeyPartitioner.partition(key, partitionCount);
            } else {
                if (keyless < 0) {
                    keyless = nextKeylessPartition(topic, partitionCount);
                }
                partition = keyless;
            }
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(i);
        }
        return byPartition;
    }

    /** Clients started together should not all hit partition 0 first. */
    private static int randomStart() {
        return ThreadLocalRandom.current().nextInt(1 << 16);
    }
}
