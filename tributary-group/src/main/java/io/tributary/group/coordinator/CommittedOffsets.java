package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group's committed offsets as the coordinator remembers them: the last value whose store completed, per
 * partition. Each value carries the sequence number of the {@link OffsetStore#store} call that wrote it, so
 * that stores completing out of order still leave the value of the last call (the one a restart would load).
 * Not thread-safe: guarded by the coordinator's lock.
 */
final class CommittedOffsets {

    private record Entry(long offset, long sequence) {
    }

    private final Map<TopicPartition, Entry> entries = new HashMap<>();

    /** Offsets loaded from the store when the coordinator starts; any later store wins over them. */
    void load(Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> entries.put(partition, new Entry(offset, 0)));
    }

    /** Offsets whose store call number {@code sequence} completed; a partition keeps a value from a later call. */
    void stored(long sequence, Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> entries.merge(partition, new Entry(offset, sequence),
                (known, stored) -> stored.sequence() > known.sequence() ? stored : known));
    }

    /** The offsets of {@code partitions}, or of every partition when it is empty; absent when never committed. */
    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty()) {
            entries.forEach((partition, entry) -> offsets.put(partition, entry.offset()));
        } else {
            for (TopicPartition partition : partitions) {
                Entry entry = entries.get(partition);
                if (entry != null) {
                    offsets.put(partition, entry.offset());
                }
            }
        }
        return Map.copyOf(offsets);
    }

    OptionalLong of(TopicPartition partition) {
        Entry entry = entries.get(partition);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.offset());
    }

    Set<TopicPartition> partitions() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** The topics with a committed offset, by name. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        entries.keySet().forEach(partition -> topics.add(partition.topic().value()));
        return topics;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
