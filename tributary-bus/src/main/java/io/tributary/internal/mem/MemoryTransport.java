package io.tributary.internal.mem;

import io.tributary.BusOptions;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.api.TributaryException;
import io.tributary.event.Event;
import io.tributary.internal.PartitionChooser;
import io.tributary.internal.PartitionReader;
import io.tributary.internal.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mem:}: topics live in this process only, as bounded rings ({@link MemoryPartition}). A publish
 * is committed as soon as it is in the ring. Topics are created on first use with the bus's
 * {@code partitions}.
 */
public final class MemoryTransport implements Transport {

    private final BusOptions options;
    private final Map<String, MemoryTopic> topics = new ConcurrentHashMap<>();

    public MemoryTransport(BusOptions options) {
        this.options = options;
    }

    @Override
    public int partitions(String topic) {
        return topic(topic).partitions.length;
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
    public void close() {
        topics.clear();
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
