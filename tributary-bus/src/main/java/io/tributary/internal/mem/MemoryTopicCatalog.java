package io.tributary.internal.mem;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.group.coordinator.TopicCatalog;
import java.time.Instant;

/** The {@code mem:} topics as the group coordinator sees them. Never creates a topic. */
final class MemoryTopicCatalog implements TopicCatalog {

    private final MemoryTransport transport;

    MemoryTopicCatalog(MemoryTransport transport) {
        this.transport = transport;
    }

    @Override
    public int partitions(String topic) {
        MemoryPartition[] partitions = transport.existing(topic);
        return partitions == null ? 0 : partitions.length;
    }

    @Override
    public long logStartOffset(TopicPartition partition) {
        return partition(partition).logStartOffset();
    }

    @Override
    public long endOffset(TopicPartition partition) {
        return partition(partition).endOffset();
    }

    @Override
    public long offsetForTime(TopicPartition partition, Instant time) {
        return partition(partition).offsetForTime(time);
    }

    private MemoryPartition partition(TopicPartition id) {
        MemoryPartition[] partitions = transport.existing(id.topic().value());
        if (partitions == null || id.partition() >= partitions.length) {
            throw new TopicNotFoundException("in-memory topic " + id.topic() + " has no partition " + id.partition());
        }
        return partitions[id.partition()];
    }
}
