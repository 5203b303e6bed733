package io.tributary.internal.mem;

import io.tributary.BusOptions;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.api.TopicPartition;
import io.tributary.api.TributaryException;
import io.tributary.event.Event;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.coordinator.InMemoryOffsetStore;
import io.tributary.group.coordinator.LocalGroupCoordinator;
import io.tributary.internal.PartitionChooser;
import io.tributary.internal.PartitionReader;
import io.tributary.internal.Transport;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code mem:}: topics live in this process only, as bounded rings ({@link MemoryPartition}). A publish
 * is committed as soon as it is in the ring. Topics are created on first use with the bus's
 * {@code partitions}. Consumer groups are coordinated by a {@link LocalGroupCoordinator} of this bus's own,
 * with committed offsets in memory ({@link MemoryGroups}): the members of a group are subscriptions of this bus.
 */
public final class MemoryTransport implements Transport {

    private final BusOptions options;
    private final Map<String, MemoryTopic> topics = new ConcurrentHashMap<>();
    private final GroupCoordinator groups;

    public MemoryTransport(BusOptions options) {
        this.options = options;
        this.groups = new MemoryGroups(new LocalGroupCoordinator(GroupConfig.defaults(), new MemoryTopicCatalog(this),
                new InMemoryOffsetStore(), InstantSource.system()), this);
    }

    @Override
    public int partitions(String topic) {
        return topic(topic).partitions.length;
    }

    @Override
    public int existingPartitions(String topic) {
        MemoryPartition[] partitions = existing(topic);
        return partitions == null ? 0 : partitions.length;
    }

    @Override
    public CompletableFuture<EventPosition> append(String topic, Event event) {
        MemoryTopic target = topic(topic);
        int partition = target.partitionFor(event);
        try {
            long offset = target.partitions[partition].append(event);
            return CompletableFuture.completedFuture(new EventPosition(topic, partition, offset));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for room in " + topic + "/" + partition, e);
        }
    }

    @Override
    public PartitionReader reader(String topic, int partition, StartPosition start) {
        return topic(topic).partitions[partition].reader(start);
    }

    @Override
    public GroupCoordinator groups() {
        return groups;
    }

    @Override
    public void close() {
        topics.clear();
    }

    /** The partitions of {@code topic}, or null if nobody used it yet. */
    private @Nullable MemoryPartition[] existing(String topic) {
        MemoryTopic known = topics.get(topic);
        return known == null ? null : known.partitions;
    }

    /** The partition {@code id}, or null if its topic is not used yet or has fewer partitions. */
    @Nullable MemoryPartition existing(TopicPartition id) {
        MemoryPartition[] partitions = existing(id.topic().value());
        return partitions == null || id.partition() >= partitions.length ? null : partitions[id.partition()];
    }

    @Override
    public String toString() {
        return "mem:";
    }

    private MemoryTopic topic(String name) {
        MemoryTopic topic = topics.get(name); // the common case, without computeIfAbsent's capturing lambda
        return topic != null ? topic : topics.computeIfAbsent(name, n -> new MemoryTopic(n, options));
    }

    /** A topic's partitions and the spreading of key-less events. */
    private static final class MemoryTopic {
        final MemoryPartition[] partitions;
        private final PartitionChooser chooser;

        MemoryTopic(String name, BusOptions options) {
            partitions = new MemoryPartition[options.partitions()];
            for (int i = 0; i < partitions.length; i++) {
                partitions[i] = new MemoryPartition(name + "/" + i, options.partitionCapacity(), options.whenFull(),
                        options.maxBlock());
            }
            chooser = new PartitionChooser(partitions.length);
        }

        int partitionFor(Event event) {
            String key = partitions.length == 1 ? null : event.partitionkey();
            return chooser.partitionFor(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
        }
    }
}
