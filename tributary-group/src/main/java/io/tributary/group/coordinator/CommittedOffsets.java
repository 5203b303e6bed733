package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A group's committed offsets as the coordinator remembers them: the last value whose store completed, per
 * partition. Each value carries the sequence number of the {@link OffsetStore#store} call that wrote it, so
 * that stores completing out of order still leave the value of the last call (the one a restart would load). A
 * forgotten partition ({@link OffsetStore#FORGOTTEN}) is kept as a tombstone, so that an earlier store completing
 * late cannot bring it back, until no store is in flight ({@link #storeEnded}). Not thread-safe: guarded by the
 * coordinator's lock.
 */
final class CommittedOffsets {

    private record Entry(long offset, long sequence) {
    }

    private final Map<TopicPartition, Entry> entries = new HashMap<>();
    /** The partitions of each store call still in flight, by its sequence number. */
    private final Map<Long, Set<TopicPartition>> inFlight = new HashMap<>();

    /** Store call {@code sequence} of {@code partitions} started. */
    void storing(long sequence, Set<TopicPartition> partitions) {
        inFlight.put(sequence, Set.copyOf(partitions));
    }

    /**
     * Store call {@code sequence} ended: with {@code offsets} durable (a partition keeps a value from a later call), or
     * failed ({@code null}). Once no store is in flight, the tombstones go: no earlier store can complete late.
     */
    void storeEnded(long sequence, @Nullable Map<TopicPartition, Long> offsets) {
        inFlight.remove(sequence);
        if (offsets != null) {
            offsets.forEach((partition, offset) -> entries.merge(partition, new Entry(offset, sequence),
                    (known, stored) -> stored.sequence() > known.sequence() ? stored : known));
        }
        if (inFlight.isEmpty()) {
            entries.values().removeIf(entry -> entry.offset() == OffsetStore.FORGOTTEN);
        }
    }

    /** Whether a store call started and has not ended yet. */
    boolean hasStoresInFlight() {
        return !inFlight.isEmpty();
    }

    /** Partitions with a committed offset or a store in flight: those a forget must cover. */
    Set<TopicPartition> partitionsWithOffsetsOrStores() {
        Set<TopicPartition> partitions = partitions();
        inFlight.values().forEach(partitions::addAll);
        return partitions;
    }

    /** Offsets loaded from the store when the coordinator starts; any later store wins over them. */
    void load(Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> entries.put(partition, new Entry(offset, 0)));
    }

    /** The offsets of {@code partitions}, or of every partition when it is empty; absent when never committed. */
    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty()) {
            entries.forEach((partition, entry) -> {
                if (entry.offset() != OffsetStore.FORGOTTEN) {
                    offsets.put(partition, entry.offset());
                }
            });
        } else {
            for (TopicPartition partition : partitions) {
                Entry entry = entries.get(partition);
                if (entry != null && entry.offset() != OffsetStore.FORGOTTEN) {
                    offsets.put(partition, entry.offset());
                }
            }
        }
        return Map.copyOf(offsets);
    }

    OptionalLong of(TopicPartition partition) {
        Entry entry = entries.get(partition);
        return entry == null || entry.offset() == OffsetStore.FORGOTTEN ? OptionalLong.empty()
                : OptionalLong.of(entry.offset());
    }

    /** The partitions with a committed offset, in a new set. */
    Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new HashSet<>();
        entries.forEach((partition, entry) -> {
            if (entry.offset() != OffsetStore.FORGOTTEN) {
                partitions.add(partition);
            }
        });
        return partitions;
    }

    /** The topics with a committed offset, by name. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        entries.forEach((partition, entry) -> {
            if (entry.offset() != OffsetStore.FORGOTTEN) {
                topics.add(partition.topic().value());
            }
        });
        return topics;
    }

    /** Whether no partition has a committed offset; cheap (every memberless group is asked on every list). */
    boolean isEmpty() {
        for (Entry entry : entries.values()) {
            if (entry.offset() != OffsetStore.FORGOTTEN) {
                return false;
            }
        }
        return true;
    }
}
