package io.tributary.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * One partition of one topic. Ordered by topic name, then partition number.
 *
 * @param topic     the topic
 * @param partition partition number, from 0
 */
public record TopicPartition(TopicName topic, int partition) implements Comparable<TopicPartition> {

    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("partition numbers start at 0, got " + partition + " for topic " + topic);
        }
    }

    public static TopicPartition of(String topic, int partition) {
        return new TopicPartition(TopicName.of(topic), partition);
    }

    @Override
    public int compareTo(TopicPartition other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
