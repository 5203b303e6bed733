package io.tributary.protocol.message;

import io.tributary.api.TopicPartition;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A topic and some of its partitions: the {@code topic partitions} fields of the group apis (what a member
 * holds, what it is assigned, which committed offsets to fetch).
 *
 * @param topic      the topic (any string on the wire; the broker applies the topic-name rule)
 * @param partitions partition numbers, in wire order
 */
public record TopicPartitions(String topic, List<Integer> partitions) {

    /** Bytes of the smallest entry on the wire: an empty topic name and an empty array. */
    static final int MIN_BYTES = Fields.MIN_STRING + Fields.MIN_ARRAY;

    public TopicPartitions {
        Objects.requireNonNull(topic, "topic");
        partitions = List.copyOf(partitions);
    }

    /** {@code partitions} grouped by topic, topics and partition numbers in ascending order (so encoding is deterministic). */
    public static List<TopicPartitions> of(Collection<TopicPartition> partitions) {
        Map<String, Set<Integer>> byTopic = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            byTopic.computeIfAbsent(partition.topic().value(), topic -> new TreeSet<>()).add(partition.partition());
        }
        List<TopicPartitions> entries = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, numbers) -> entries.add(new TopicPartitions(topic, List.copyOf(numbers))));
        return List.copyOf(entries);
    }

    /**
     * The partitions {@code entries} name, as a set.
     *
     * @throws io.tributary.api.InvalidTopicNameException if a topic name breaks the rule
     * @throws IllegalArgumentException                  if a partition number is negative
     */
    public static Set<TopicPartition> toSet(List<TopicPartitions> entries) {
        Set<TopicPartition> set = new HashSet<>();
        for (TopicPartitions entry : entries) {
            for (int partition : entry.partitions()) {
                set.add(TopicPartition.of(entry.topic(), partition));
            }
        }
        return Set.copyOf(set);
    }

    static void writeAll(WireWriter out, List<TopicPartitions> entries) {
        out.writeArray(entries, TopicPartitions::encode);
    }

    /** An array of entries; {@code field} names it in errors, e.g. {@code "GroupHeartbeatRequest.owned"}. */
    static List<TopicPartitions> readAll(WireReader in, String field) {
        return in.readArray(field, MIN_BYTES, reader -> decode(reader, field));
    }

    void encode(WireWriter out) {
        out.writeString(topic).writeArray(partitions, (partition, writer) -> writer.writeInt(partition));
    }

    static TopicPartitions decode(WireReader in, String field) {
        String topic = in.readString(field + ".topic");
        return new TopicPartitions(topic, in.readArray(field + ".partitions", Integer.BYTES,
                reader -> reader.readInt(field + ".partition")));
    }
}
