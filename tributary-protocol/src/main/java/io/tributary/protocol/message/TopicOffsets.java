package io.tributary.protocol.message;

import io.tributary.api.TopicPartition;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A topic and an offset for some of its partitions: committed offsets (commit, fetch, reset) in the group apis.
 *
 * @param topic      the topic (any string on the wire; the broker applies the topic-name rule)
 * @param partitions partition and offset pairs, in wire order
 */
public record TopicOffsets(String topic, List<PartitionOffset> partitions) {

    /** Bytes of the smallest entry on the wire: an empty topic name and an empty array. */
    static final int MIN_BYTES = Fields.MIN_STRING + Fields.MIN_ARRAY;

    public TopicOffsets {
        Objects.requireNonNull(topic, "topic");
        partitions = List.copyOf(partitions);
    }

    /**
     * @param partition the partition
     * @param offset    the offset: the next one the group reads
     */
    public record PartitionOffset(int partition, long offset) {
        static final int BYTES = Integer.BYTES + Long.BYTES;
    }

    /** {@code offsets} grouped by topic, topics and partitions in ascending order (so encoding is deterministic). */
    public static List<TopicOffsets> of(Map<TopicPartition, Long> offsets) {
        Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
        offsets.forEach((partition, offset) -> byTopic.computeIfAbsent(partition.topic().value(), topic -> new TreeMap<>())
                .put(partition.partition(), offset));
        List<TopicOffsets> entries = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, partitions) -> entries.add(new TopicOffsets(topic, partitions.entrySet().stream()
                .map(entry -> new PartitionOffset(entry.getKey(), entry.getValue())).toList())));
        return List.copyOf(entries);
    }

    /**
     * The offsets {@code entries} hold, by partition; a partition named twice keeps its last offset.
     *
     * @throws io.tributary.api.InvalidTopicNameException if a topic name breaks the rule
     * @throws IllegalArgumentException                  if a partition number is negative
     */
    public static Map<TopicPartition, Long> toMap(List<TopicOffsets> entries) {
        Map<TopicPartition, Long> map = new HashMap<>();
        for (TopicOffsets entry : entries) {
            for (PartitionOffset partition : entry.partitions()) {
                map.put(TopicPartition.of(entry.topic(), partition.partition()), partition.offset());
            }
        }
        return Map.copyOf(map);
    }

    static void writeAll(WireWriter out, List<TopicOffsets> entries) {
        out.writeArray(entries, TopicOffsets::encode);
    }

    /** An array of entries; {@code field} names it in errors, e.g. {@code "CommitOffsetsRequest.offsets"}. */
    static List<TopicOffsets> readAll(WireReader in, String field) {
        return in.readArray(field, MIN_BYTES, reader -> decode(reader, field));
    }

    void encode(WireWriter out) {
        out.writeString(topic).writeArray(partitions,
                (partition, writer) -> writer.writeInt(partition.partition()).writeLong(partition.offset()));
    }

    static TopicOffsets decode(WireReader in, String field) {
        String topic = in.readString(field + ".topic");
        return new TopicOffsets(topic, in.readArray(field + ".partitions", PartitionOffset.BYTES,
                reader -> new PartitionOffset(reader.readInt(field + ".partition"), reader.readLong(field + ".offset"))));
    }
}
