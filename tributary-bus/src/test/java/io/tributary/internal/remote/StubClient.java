package io.tributary.internal.remote;

import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ClusterMetadata;
import io.tributary.client.ConnectionString;
import io.tributary.client.NodeAddress;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.group.GroupCoordinator;
import io.tributary.client.TributaryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A client that knows one topic of one partition, held in memory: records from {@link #logStart} on,
 * which a test may move forward (as retention would). Reads never wait. {@link #onRead} lets a test make
 * the next read fail instead. Only what readers use is implemented.
 */
final class StubClient implements TributaryClient {

    final String topic;
    final List<Record> records = new ArrayList<>();
    long logStart;
    /** When set, the next read runs this instead of reading, then it is cleared. */
    Supplier<ReadResult> onRead;
    int reads;

    StubClient(String topic) {
        this.topic = topic;
    }

    @Override
    public ReadResult read(String topic, int partition, long offset, int maxRecords, Duration wait) {
        requireTopic(topic);
        reads++;
        if (onRead != null) {
            Supplier<ReadResult> once = onRead;
            onRead = null;
            return once.get();
        }
        long end = records.size();
        if (offset < logStart || offset > end) {
            throw new BrokerErrorException("OFFSET_OUT_OF_RANGE", false, "offset " + offset + " is outside "
                    + logStart + " … " + end);
        }
        int to = (int) Math.min(end, offset + maxRecords);
        return new ReadResult(records.subList((int) offset, to), offset, to, end);
    }

    @Override
    public long endOffset(String topic, int partition) {
        requireTopic(topic);
        return records.size();
    }

    @Override
    public List<TopicDescription> describeTopics(String... topics) {
        requireTopic(topics[0]);
        return List.of(new TopicDescription(topic, Map.of(), List.of(new TopicDescription.Partition(0, logStart,
                records.size(), records.size(), 0))));
    }

    @Override
    public ConnectionString connectionString() {
        return ConnectionString.of(new NodeAddress("stub", 1));
    }

    private void requireTopic(String name) {
        if (!name.equals(topic)) {
            throw new TopicNotFoundException("topic " + name + " does not exist");
        }
    }

    // ---- not used by readers ----

    @Override
    public String clusterId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> send(String topic, List<Record> records, boolean waitForCommit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTopic(String topic, int partitions, Map<String, String> settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> listTopics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void alterTopic(String topic, Map<String, String> settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteTopic(String topic) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GroupCoordinator groups() {
        throw new UnsupportedOperationException("the stub client has no consumer groups");
    }

    @Override
    public ClusterMetadata metadata(String... topics) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Producer producer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Producer producer(String topic) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Producer producer(String topic, ProducerOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
