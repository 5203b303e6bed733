package io.tributary.bench.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka through kafka-clients 4.4.0. Producer: the client's defaults ({@code acks=all}, idempotent) with
 * {@code linger.ms=5} and {@code batch.size=262144}, the batching Tributary's producer uses by default
 * ({@code linger.ms=1} for the fixed-rate workload). Consumer: {@code assign} + earliest, no group, with the
 * OpenMessaging Benchmark's {@code max.partition.fetch.bytes=10485760}. Topics: replication 1, and in fsync
 * mode {@code flush.messages=1} (fsync after every append, before the acknowledgement).
 */
final class KafkaPeerClient implements PeerClient {

    /** Producer settings that differ from kafka-clients' defaults; {@link #producerProperties} adds the rest. */
    static final Map<String, String> PRODUCER_OVERRIDES = Map.of(ProducerConfig.LINGER_MS_CONFIG, "5",
            ProducerConfig.BATCH_SIZE_CONFIG, "262144");

    private final String bootstrap;
    private final DurabilityMode durability;
    private final Admin admin;

    KafkaPeerClient(String bootstrap, DurabilityMode durability) {
        this.bootstrap = bootstrap;
        this.durability = durability;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(properties);
    }

    /** Topic configs per durability: {@code flush.messages=1} for fsync, none (Kafka's defaults) for os. */
    static Map<String, String> topicConfigs(DurabilityMode durability) {
        return durability == DurabilityMode.FSYNC ? Map.of("flush.messages", "1") : Map.of();
    }

    static Properties producerProperties(String bootstrap, boolean lowLatency) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.putAll(PRODUCER_OVERRIDES);
        if (lowLatency) {
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        }
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    @Override
    public void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(topicConfigs(durability))))
                .all().get();
    }

    @Override
    public void deleteTopic(String topic, int partitions) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get();
    }

    @Override
    public RecordSender sender(String topic, int partitions, boolean lowLatency, AckListener acks) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap, lowLatency));
        return new RecordSender() {
            @Override
            public void send(byte[] value) {
                producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
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
                producer.close(Duration.ofSeconds(30));
            }
        };
    }

    @Override
    public RecordReceiver receiver(String topic, int partitionCount, List<Integer> partitions, ValueHandler handler) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "10485760");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> assigned = new ArrayList<>();
        for (int partition : partitions) {
            assigned.add(new TopicPartition(topic, partition));
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        return PollingReceiver.start("kafka-reader-" + topic, new PollingReceiver.Poller() {
            @Override
            public void pollOnce() {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handler.onValue(record.value(), now);
                }
            }

            @Override
            public void close() {
                consumer.close(Duration.ofSeconds(5));
            }
        });
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
