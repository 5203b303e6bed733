package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OffsetStore} in memory: the {@code mem:} bus's, and the tests'. Offsets are "durable" as soon as
 * {@link #store} returns (its future is already complete), for as long as this object lives: a coordinator
 * started again over the same store finds them, as after a broker restart. Thread-safe; never blocks.
 */
public final class InMemoryOffsetStore implements OffsetStore {

    private final Map<String, Map<TopicPartition, Long>> offsets = new ConcurrentHashMap<>();

    /** A copy of every group's stored offsets. */
    @Override
    public Map<String, Map<TopicPartition, Long>> load() {
        Map<String, Map<TopicPartition, Long>> copy = new HashMap<>();
        offsets.forEach((group, stored) -> copy.put(group, Map.copyOf(stored)));
        return Map.copyOf(copy);
    }

    @Override
    public CompletableFuture<Void> store(String group, Map<TopicPartition, Long> stored) {
        Map<TopicPartition, Long> groupOffsets = offsets.computeIfAbsent(group, name -> new ConcurrentHashMap<>());
        stored.forEach((partition, offset) -> {
            if (offset == FORGOTTEN) {
                groupOffsets.remove(partition);
            } else {
                groupOffsets.put(partition, offset);
            }
        });
        return CompletableFuture.completedFuture(null);
    }
}
