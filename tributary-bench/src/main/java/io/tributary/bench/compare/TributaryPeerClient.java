package io.tributary.bench.compare;

import io.tributary.api.Record;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TributaryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tributary through {@link TributaryClient} and its batching {@link Producer}: default producer options
 * (linger 5 ms, 256 KiB batches, idempotent, acknowledged once committed), linger 1 ms for the fixed-rate
 * workload (as {@code tributary bench e2e}). Topics are created with {@code durability=fsync|os}.
 */
final class TributaryPeerClient implements PeerClient {

    private static final int MAX_RECORDS_PER_READ = 10_000;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration MULTI_PARTITION_POLL = Duration.ofMillis(5);

    private final String connectionString;
    private final DurabilityMode durability;
    private final TributaryClient admin;

    TributaryPeerClient(String connectionString, DurabilityMode durability) {
        this.connectionString = connectionString;
        this.durability = durability;
        this.admin = TributaryClient.connect(connectionString);
    }

    @Override
    public void createTopic(String topic, int partitions) {
        admin.createTopic(topic, partitions, Map.of("durability", durability.id()));
    }

    @Override
    public void deleteTopic(String topic, int partitions) {
        admin.deleteTopic(topic);
    }

    @Override
    public RecordSender sender(String topic, int partitions, boolean lowLatency, AckListener acks) {
        TributaryClient client = TributaryClient.connect(connectionString);
        ProducerOptions options = ProducerOptions.defaults();
        if (lowLatency) {
            options = options.withLinger(Duration.ofMillis(1));
        }
        Producer producer = client.producer(topic, options);
        return new RecordSender() {
            @Override
            public void send(byte[] value) {
                producer.sendAsync(Record.of(value, System.currentTimeMillis())).whenComplete((result, error) -> {
                    if (error == null) {
                        acks.acked(1);
                    } else {
                        acks.failed(error);
                    }
                });
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close();
                client.close();
            }
        };
    }

    @Override
    public RecordReceiver receiver(String topic, int partitionCount, List<Integer> partitions, ValueHandler handler) {
        TributaryClient client = TributaryClient.connect(connectionString);
        return PollingReceiver.start("tributary-reader-" + topic, new PollingReceiver.Poller() {
            private final long[] next = new long[partitions.size()];
            private int longPoll;

            @Override
            public void pollOnce() {
                int read = 0;
                for (int i = 0; i < next.length; i++) {
                    read += readPartition(i, Duration.ZERO);
                }
                if (read == 0) {
                    // nothing anywhere: wait on one partition (rotating) instead of spinning over all; with
                    // several partitions only briefly, since records may arrive on the others meanwhile (the
                    // client reads one partition per request)
                    readPartition(longPoll, next.length == 1 ? POLL : MULTI_PARTITION_POLL);
                    longPoll = (longPoll + 1) % next.length;
                }
            }

            private int readPartition(int index, Duration wait) {
                ReadResult result = client.read(topic, partitions.get(index), next[index], MAX_RECORDS_PER_READ, wait);
                long now = System.nanoTime();
                for (Record record : result.records()) {
                    handler.onValue(record.value(), now);
                }
                next[index] = result.nextOffset();
                return result.records().size();
            }

            @Override
            public void close() {
                client.close();
            }
        });
    }

    @Override
    public void close() {
        admin.close();
    }
}
