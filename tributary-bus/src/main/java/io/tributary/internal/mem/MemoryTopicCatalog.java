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
        return transport.existingPartitions(topic);
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
        MemoryPartition partition = transport.existing(id);
        if (partition == null) {
            throw new TopicNotFoundException("in-memory topic " + id.topic() + " has no partition " + id.partition());
        }
        return partition;
    }
}
