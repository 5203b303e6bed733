package io.tributary.internal.remote;

import io.tributary.BusOptions;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TributaryException;
import io.tributary.client.Producer;
import io.tributary.client.SendResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.group.GroupCoordinator;
import io.tributary.internal.PartitionReader;
import io.tributary.internal.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tributary://}: topics live on a server or cluster, reached through one {@link TributaryClient}
 * per bus.
 *
 * <ul>
 * <li><b>Topics.</b> A topic the server does not know is created with {@link BusOptions#partitions()}
 *     on first use (subscribe or publish); losing that race to another creator is fine, the topic is
 *     read again. Partition counts are cached for the life of the bus.</li>
 * <li><b>Publishing.</b> Each topic gets one batching, idempotent {@link Producer}, created on its first
 *     publish and closed with the bus. An event travels as the record {@link EventRecords#toRecord}
 *     makes of it (CloudEvents binary mode, decision 0009); the producer picks the partition (murmur2 of
 *     the key, key-less events fill a partition that changes with every batch).</li>
 * <li><b>Reading.</b> {@link RemotePartitionReader}: long polls of one partition.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Thread-safe. {@link #partitions} and the first {@link #append} to a topic block on
 * the network (at most the client's call timeout). The futures of {@link #append} complete on a fresh
 * virtual thread, not on the producer's sender thread: a caller that attaches a blocking stage (or
 * publishes and joins inside one) would otherwise stall, or deadlock, every publish of the topic.
 */
public final class RemoteTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTransport.class);
    /** Where publish futures complete; see the class comment. */
    private static final Executor CALLBACKS = task -> Thread.ofVirtual().name("tributary-publish-callback").start(task);

    private final TributaryClient client;
    private final BusOptions options;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RemoteTransport(TributaryClient client, BusOptions options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Connects to the server or cluster {@code connectionString} names (without query parameters).
     *
     * @throws io.tributary.client.InvalidConnectionStringException if it does not parse
     * @throws io.tributary.client.NoNodesAvailableException        if no node answered (naming each node tried)
     * @throws io.tributary.api.ClusterIdMismatchException          if the server is another cluster than the
     *                                                              string names
     */
    public static Transport open(String connectionString, BusOptions options) {
        return new RemoteTransport(TributaryClient.connect(connectionString), options);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Blocks on the network the first time a topic is asked for.
     *
     * @throws TopicNotFoundException if the topic does not exist and the server refused to create it
     */
    @Override
    public int partitions(String topic) {
        Integer known = partitionCounts.get(topic);
        if (known != null) {
            return known;
        }
        int count = describeOrCreate(topic).partitions().size();
        partitionCounts.put(topic, count);
        return count;
    }

    @Override
    public int existingPartitions(String topic) {
        Integer known = partitionCounts.get(topic);
        if (known != null) {
            return known;
        }
        try {
            return describe(topic).partitions().size();
        } catch (TopicNotFoundException missing) {
            return 0;
        }
    }

    /** {@inheritDoc} The server's coordinator, over the network: every call blocks up to the call timeout. */
    @Override
    public GroupCoordinator groups() {
        return client.groups();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Fails the future, rather than throwing, when the topic cannot be found or created, the
     * producer's buffer stays full ({@code tributary.producer.max-block}) or the record is refused.
     */
    @Override
    public CompletableFuture<EventPosition> append(String topic, Event event) {
        try {
            CompletableFuture<SendResult<Void>> sent = producer(topic).sendAsync(EventRecords.toRecord(event));
            CompletableFuture<EventPosition> position = new CompletableFuture<>();
            // whenCompleteAsync, not thenApplyAsync: the latter completes a failure on the sender thread
            sent.whenCompleteAsync((result, failure) -> {
                if (failure == null) {
                    position.complete(new EventPosition(result.topic(), result.partition(), result.offset()));
                } else {
                    position.completeExceptionally(failure instanceof CompletionException wrapped
                            && wrapped.getCause() != null ? wrapped.getCause() : failure);
                }
            }, CALLBACKS);
            return position;
        } catch (TributaryException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@inheritDoc} Blocks on the network to find the partition's offsets. */
    @Override
    public PartitionReader reader(String topic, int partition, StartPosition start) {
        return RemotePartitionReader.open(client, topic, partition, start);
    }

    /**
     * Sends what the producers still hold, waiting up to {@link BusOptions#closeTimeout()} for all of
     * them together; records still unacknowledged then fail. Then closes the client.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Duration timeout = options.closeTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> closing = new ArrayList<>();
        for (Producer producer : producers.values()) { // in parallel: each gets the whole timeout
            closing.add(Thread.ofVirtual().name("tributary-producer-close-" + producer.topic())
                    .start(() -> producer.close(timeout)));
        }
        try {
            for (Thread thread : closing) {
                if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    LOG.warn("publishes to {} were still in flight after {} (tributary.bus.close-timeout); they fail",
                            producers.keySet(), timeout);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close(); // also fails whatever a producer still holds
    }

    @Override
    public String toString() {
        return client.connectionString().toString();
    }

    private Producer producer(String topic) {
        Producer producer = producers.get(topic);
        if (producer != null) {
            return producer;
        }
        partitions(topic); // creates the topic with the bus's partition count, not the broker's auto-create count
        producer = producers.computeIfAbsent(topic, client::producer); // local: starts the sender thread only
        if (closed) { // lost a race with close(): client.close() closes this producer too
            throw new TributaryException("cannot publish to " + topic + ": the bus " + this + " is closed");
        }
        return producer;
    }

    private TopicDescription describeOrCreate(String topic) {
        try {
            return describe(topic);
        } catch (TopicNotFoundException missing) {
            try {
                client.createTopic(topic, options.partitions(), Map.of());
                LOG.info("created topic {} with {} partitions (tributary.bus.partitions) on {}", topic,
                        options.partitions(), this);
            } catch (TopicExistsException raced) {
                // someone else created it meanwhile: read what they made
            } catch (TributaryException refused) {
                throw new TopicNotFoundException("topic " + topic + " does not exist on " + this + " and the server"
                        + " refused to create it with " + options.partitions() + " partitions (tributary.bus.partitions): "
                        + refused.getMessage() + "; create it on the server first (tributary topic create " + topic + ")");
            }
            return describe(topic);
        }
    }

    private TopicDescription describe(String topic) {
        return client.describeTopics(topic).getFirst();
    }
}
