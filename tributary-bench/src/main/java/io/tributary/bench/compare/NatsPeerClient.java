package io.tributary.bench.compare;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * NATS JetStream through jnats. A topic is one file-storage stream; its partitions are the subjects
 * {@code topic.0 … topic.N-1} (JetStream has no partitions; senders spread records over the subjects round
 * robin). Sending is {@link JetStream#publishAsync} with a bounded window of {@value #WINDOW} unacknowledged
 * publishes (a synchronous publish waits for every PubAck: a few thousand records/s). Reading is an ordered
 * push consumer per subject (flow-controlled, no acks: JetStream's fast replay path) on one dispatcher thread.
 * Durability is the server's ({@code sync_interval}), set by {@link NatsLauncher}.
 */
final class NatsPeerClient implements PeerClient {

    /** Most publishes awaiting their PubAck per sender. */
    static final int WINDOW = 2048;

    private final String url;
    private final Connection admin;

    NatsPeerClient(String url) throws Exception {
        this.url = url;
        this.admin = connect(url);
    }

    private static Connection connect(String url) throws Exception {
        return Nats.connect(Options.builder().server(url).connectionTimeout(Duration.ofSeconds(10))
                .maxMessagesInOutgoingQueue(4 * WINDOW).noReconnect().build());
    }

    static String subject(String topic, int partition) {
        return topic + "." + partition;
    }

    @Override
    public void createTopic(String topic, int partitions) throws Exception {
        JetStreamManagement management = admin.jetStreamManagement();
        management.addStream(StreamConfiguration.builder().name(topic).subjects(topic + ".*")
                .storageType(StorageType.File).replicas(1).build());
    }

    @Override
    public void deleteTopic(String topic, int partitions) throws Exception {
        admin.jetStreamManagement().deleteStream(topic);
    }

    @Override
    public RecordSender sender(String topic, int partitions, boolean lowLatency, AckListener acks) throws Exception {
        Connection connection = connect(url);
        JetStream jetStream = connection.jetStream();
        Semaphore window = new Semaphore(WINDOW);
        String[] subjects = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            subjects[p] = subject(topic, p);
        }
        return new RecordSender() {
            private int next;

            @Override
            public void send(byte[] value) throws InterruptedException {
                window.acquire();
                String subject = subjects[next];
                next = (next + 1) % subjects.length;
                jetStream.publishAsync(subject, value).whenComplete((ack, error) -> {
                    window.release();
                    if (error == null) {
                        acks.acked(1);
                    } else {
                        acks.failed(error);
                    }
                });
            }

            @Override
            public void flush() throws InterruptedException {
                if (!window.tryAcquire(WINDOW, 60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("NATS: publishes still unacknowledged after 60 s");
                }
                window.release(WINDOW);
            }

            @Override
            public void close() throws InterruptedException {
                connection.close();
            }
        };
    }

    @Override
    public RecordReceiver receiver(String topic, int partitionCount, List<Integer> partitions, ValueHandler handler)
            throws Exception {
        Connection connection = connect(url);
        JetStream jetStream = connection.jetStream();
        Dispatcher dispatcher = connection.createDispatcher();
        for (int partition : partitions) {
            jetStream.subscribe(subject(topic, partition), dispatcher,
                    message -> handler.onValue(message.getData(), System.nanoTime()), false,
                    PushSubscribeOptions.builder().ordered(true).build());
        }
        return () -> {
            connection.closeDispatcher(dispatcher);
            connection.close();
        };
    }

    @Override
    public void close() throws InterruptedException {
        admin.close();
    }
}
