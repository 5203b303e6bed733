package io.tributary.broker.topic;

import io.tributary.api.TopicName;
import io.tributary.broker.partition.Partition;
import java.util.List;

/**
 * A topic: its name, settings and open partitions (index = partition number). Immutable; {@link
 * TopicRegistry#alter} replaces it.
 */
public record Topic(TopicName name, TopicConfig config, List<Partition> partitions) {

    public Topic {
        partitions = List.copyOf(partitions);
    }

    /**
     * Partition {@code number}.
     *
     * @throws UnknownPartitionException if the topic has no such partition
     */
    public Partition partition(int number) {
        if (number < 0 || number >= partitions.size()) {
            throw new UnknownPartitionException("topic " + name + " has partitions 0.." + (partitions.size() - 1)
                    + ", not " + number);
        }
        return partitions.get(number);
    }
}
