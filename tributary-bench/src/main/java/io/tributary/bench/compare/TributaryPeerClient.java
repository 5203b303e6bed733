package io.tributary.bench.compare;

import io.tributary.api.Record;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TributaryClient;
import java.time.Duration;
import java.util.ArrayList;
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
        // One long-polling reader per partition, as a Tributary consumer of several partitions does today (the
        // client reads one partition per request; each waiting read has a connection of its own from the pool).
        TributaryClient client = TributaryClient.connect(connectionString);
        List<PollingReceiver> readers = new ArrayList<>();
        for (int partition : partitions) {
            readers.add(PollingReceiver.start("tributary-reader-" + topic + "-" + partition, new PollingReceiver.Poller() {
                private long next;

                @Override
                public void pollOnce() {
                    ReadResult result = client.read(topic, partition, next, MAX_RECORDS_PER_READ, POLL);
                    long now = System.nanoTime();
                    for (Record record : result.records()) {
                        handler.onValue(record.value(), now);
                    }
                    next = result.nextOffset();
                }

                @Override
                public void close() {
                }
            }));
        }
        return () -> {
            Exception failure = null;
            for (PollingReceiver reader : readers) {
                try {
                    reader.close();
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            client.close();
            if (failure != null) {
                throw failure;
            }
        };
    }

    @Override
    public void close() {
        admin.close();
    }
}
