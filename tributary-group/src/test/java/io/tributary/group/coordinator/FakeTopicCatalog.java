package io.tributary.group.coordinator;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics in memory for a coordinator under test: partitions hold only the timestamps of their records, and the
 * test creates, grows and deletes topics, appends records and moves log starts. Thread-safe.
 */
public final class FakeTopicCatalog implements TopicCatalog {

    private static final class FakePartition {
        long logStart;
        final List<Instant> timestamps = new ArrayList<>();

        long end() {
            return timestamps.size();
        }
    }

    private final Map<String, List<FakePartition>> topics = new HashMap<>();

    public synchronized void createTopic(String topic, int partitions) {
        if (topics.containsKey(topic)) {
            throw new IllegalStateException("topic " + topic + " exists");
        }
        topics.put(topic, new ArrayList<>());
        addPartitions(topic, partitions);
    }

    /** Grows {@code topic} to {@code partitions} partitions. */
    public synchronized void growTo(String topic, int partitions) {
        addPartitions(topic, partitions - partitionsOf(topic).size());
    }

    public synchronized void deleteTopic(String topic) {
        topics.remove(topic);
    }

    /** Appends {@code records} records stamped {@code timestamp}. */
    public synchronized void append(TopicPartition partition, int records, Instant timestamp) {
        FakePartition appended = partition(partition);
        for (int i = 0; i < records; i++) {
            appended.timestamps.add(timestamp);
        }
    }

    /** Moves the log start, as retention does. */
    public synchronized void deleteRecordsBefore(TopicPartition partition, long offset) {
        FakePartition trimmed = partition(partition);
        trimmed.logStart = Math.min(offset, trimmed.end());
    }

    @Override
    public synchronized int partitions(String topic) {
        List<FakePartition> partitions = topics.get(topic);
        return partitions == null ? 0 : partitions.size();
    }

    @Override
    public synchronized long logStartOffset(TopicPartition partition) {
        return partition(partition).logStart;
    }

    @Override
    public synchronized long endOffset(TopicPartition partition) {
        return partition(partition).end();
    }

    @Override
    public synchronized long offsetForTime(TopicPartition partition, Instant time) {
        FakePartition searched = partition(partition);
        for (long offset = searched.logStart; offset < searched.end(); offset++) {
            if (!searched.timestamps.get((int) offset).isBefore(time)) {
                return offset;
            }
        }
        return searched.end();
    }

    private void addPartitions(String topic, int count) {
        for (int i = 0; i < count; i++) {
            partitionsOf(topic).add(new FakePartition());
        }
    }

    private List<FakePartition> partitionsOf(String topic) {
        List<FakePartition> partitions = topics.get(topic);
        if (partitions == null) {
            throw new TopicNotFoundException("topic " + topic + " does not exist");
        }
        return partitions;
    }

    private FakePartition partition(TopicPartition partition) {
        List<FakePartition> partitions = partitionsOf(partition.topic().value());
        if (partition.partition() >= partitions.size()) {
            throw new TopicNotFoundException("topic " + partition.topic() + " has no partition " + partition.partition());
        }
        return partitions.get(partition.partition());
    }
}
