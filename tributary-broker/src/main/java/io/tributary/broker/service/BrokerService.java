package io.tributary.broker.service;

import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.TopicName;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.config.ConfigException;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.topic.InternalTopics;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.TopicConfig;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.format.RecordBatch;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.coordinator.LocalGroupCoordinator;
import io.tributary.log.AckLevel;
import io.tributary.log.AppendResult;
import io.tributary.log.ReadResult;
import io.tributary.protocol.message.ProduceRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The broker's operations, shared by the binary protocol and the HTTP API: append batches (creating
 * topics on first produce when allowed, choosing partitions, enforcing record limits), read with a long
 * poll, and manage topics. Thread-safe. Failures are thrown or returned as failed futures carrying the
 * named exceptions that {@link Failure#of} maps to error codes.
 *
 * <p><b>Internal topics</b> ({@link InternalTopics}: names starting with {@code __}) may be read, not
 * created, produced to, altered or deleted ({@link PolicyViolationException}); {@link #topics()} leaves
 * them out.
 */
public final class BrokerService {

    /** Partition number that lets the broker choose: by the first record's key, else round robin. */
    public static final int ANY_PARTITION = ProduceRequest.ANY_PARTITION;

    private final TopicRegistry topics;
    private final BrokerConfig config;
    private final String clusterId;
    private final ConcurrentMap<TopicName, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final Semaphore requestMemory;
    private final LocalGroupCoordinator groups;

    /**
     * @param groups the broker's consumer-group coordinator (see {@code io.tributary.broker.group.ConsumerGroups})
     */
    public BrokerService(TopicRegistry topics, BrokerConfig config, String clusterId, LocalGroupCoordinator groups) {
        this.topics = topics;
        this.config = config;
        this.clusterId = clusterId;
        this.groups = groups;
        this.requestMemory = new Semaphore((int) Math.min(Integer.MAX_VALUE, config.requestMemory().bytes()), true);
    }

    /**
     * The bytes of requests read but not yet answered, shared by every transport: each takes a request's
     * size before reading it and gives it back once answered ({@code tributary.broker.request-memory}).
     */
    public Semaphore requestMemory() {
        return requestMemory;
    }

    /** Where a batch landed. */
    public record Appended(int partition, AppendResult result, long logStartOffset) {
    }

    /** The cluster this broker belongs to. */
    public String clusterId() {
        return clusterId;
    }

    /** The settings the broker runs with. */
    public BrokerConfig config() {
        return config;
    }

    /**
     * The broker's consumer-group coordinator, complete without the network: the binary protocol and the
     * HTTP API serve it, the {@code file:} bus calls it in process. Thread-safe; {@code commit} and
     * {@code resetOffsets} block until the offsets are durable in {@code __consumer_offsets}, the other
     * calls answer from memory. Failures are the {@code io.tributary.group} exceptions (and
     * {@link TopicNotFoundException} for a reset of a topic that does not exist).
     */
    public GroupCoordinator groups() {
        return groups;
    }

    /**
     * Appends one batch to partition {@code partition} of {@code topic} (or {@link #ANY_PARTITION}). The
     * future completes at {@code ackLevel}, or fails with {@link java.util.concurrent.TimeoutException}
     * after {@code timeout} when waiting for the commit takes longer; it fails with
     * {@link RecordLimitException} when a record breaks {@code tributary.broker.max-record-bytes} or
     * {@code max-headers}, before the topic is created or anything is written.
     */
    public CompletableFuture<Appended> append(String topic, int partition, RecordBatch batch, AckLevel ackLevel,
            Duration timeout) {
        try {
            TopicName name = TopicName.of(topic);
            refuseInternal(name, "produce to");
            checkLimits(partition, batch);
            Topic target = topicForProduce(name);
            int number = partition == ANY_PARTITION ? choosePartition(target, batch) : partition;
            return appendChecked(target, number, batch, ackLevel, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Appends one batch to each of several partitions of {@code topic}, after checking every batch against
     * the record limits, so that a request with one bad record writes nothing (and creates no topic). The
     * appends then run in parallel and may fail independently (a timeout, a closing partition).
     *
     * @param batches partition number to its batch; no {@link #ANY_PARTITION}
     * @return partition number to its append, in the order of {@code batches}
     * @throws RecordLimitException naming the partition and the record, before anything is appended
     */
    public Map<Integer, CompletableFuture<Appended>> append(String topic, Map<Integer, RecordBatch> batches,
            AckLevel ackLevel, Duration timeout) {
        TopicName name = TopicName.of(topic);
        refuseInternal(name, "produce to");
        batches.forEach(this::checkLimits);
        Topic target = topicForProduce(name);
        Map<Integer, CompletableFuture<Appended>> appends = new LinkedHashMap<>();
        batches.forEach((partition, batch) -> {
            CompletableFuture<Appended> append;
            try {
                append = appendChecked(target, partition, batch, ackLevel, timeout);
            } catch (RuntimeException e) {
                append = CompletableFuture.failedFuture(e);
            }
            appends.put(partition, append);
        });
        return appends;
    }

    private CompletableFuture<Appended> appendChecked(Topic target, int number, RecordBatch batch, AckLevel ackLevel,
            Duration timeout) {
        Partition destination = target.partition(number);
        return destination.append(batch, ackLevel)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(result -> new Appended(number, result, destination.state().logStartOffset()));
    }

    /**
     * Committed batches of a partition from {@code offset}, waiting up to {@code maxWait} when none is
     * there yet. Reading never creates a topic.
     */
    public CompletableFuture<ReadResult> read(String topic, int partition, long offset, int maxBytes, Duration maxWait) {
        try {
            return partition(topic, partition).read(offset, maxBytes, maxWait);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A partition's offsets and size now. */
    public PartitionState state(String topic, int partition) {
        return partition(topic, partition).state();
    }

    /**
     * Partition {@code number} of an existing topic, for callers that read it more than once.
     *
     * @throws TopicNotFoundException if the topic does not exist
     * @throws io.tributary.broker.topic.UnknownPartitionException if it has no such partition
     */
    public Partition partition(String topic, int number) {
        return topics.require(TopicName.of(topic)).partition(number);
    }

    /** The topic, if it exists. */
    public Optional<Topic> find(String topic) {
        return topics.find(TopicName.of(topic));
    }

    /** @throws TopicNotFoundException if it does not exist */
    public Topic require(String topic) {
        return topics.require(TopicName.of(topic));
    }

    /** Every topic but the internal ones, by name (name an internal topic to {@link #find} it). */
    public List<Topic> topics() {
        return topics.list().stream().filter(topic -> !InternalTopics.isInternal(topic.name())).toList();
    }

    /** Creates a topic; {@code settings} use the keys of {@link io.tributary.broker.topic.TopicConfig}. */
    public Topic createTopic(String topic, int partitions, Map<String, String> settings) {
        TopicName name = TopicName.of(topic);
        if (InternalTopics.isInternal(name)) {
            throw new PolicyViolationException(InternalTopics.reservedName(name));
        }
        if (settings.containsKey(TopicConfig.PARTITIONS) || settings.containsKey(TopicConfig.AUTO_CREATED)) {
            throw new ConfigException("'" + TopicConfig.PARTITIONS + "' and '" + TopicConfig.AUTO_CREATED
                    + "' cannot be set as topic settings: the partition count is given on its own, and the broker marks"
                    + " the topics it creates on first produce");
        }
        return asConfigError(() -> topics.create(name, partitions, settings));
    }

    /** Changes the alterable settings of a topic. */
    public Topic alterTopic(String topic, Map<String, String> settings) {
        TopicName name = TopicName.of(topic);
        topics.require(name);
        refuseInternal(name, "alter");
        return asConfigError(() -> topics.alter(name, settings));
    }

    /**
     * Deletes a topic and its records, and the consumer groups' committed offsets of it: a topic created again under
     * the name is read from the subscriptions' start positions, not from offsets of records that are gone.
     */
    public void deleteTopic(String topic) {
        TopicName name = TopicName.of(topic);
        topics.require(name);
        refuseInternal(name, "delete");
        topics.delete(name);
        roundRobin.remove(name);
        groups.forgetTopic(name.value());
    }

    private static void refuseInternal(TopicName name, String change) {
        if (InternalTopics.isInternal(name)) {
            throw new PolicyViolationException(InternalTopics.readOnly(name, change));
        }
    }

    private Topic topicForProduce(TopicName name) {
        Optional<Topic> existing = topics.find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!config.autoCreateTopics()) {
            throw new TopicNotFoundException("topic " + name + " does not exist and " + BrokerConfig.AUTO_CREATE_TOPICS.name()
                    + " is off; create it first (tributary topic create " + name + ")");
        }
        return topics.createIfAbsent(name, config.autoCreatePartitions());
    }

    private int choosePartition(Topic topic, RecordBatch batch) {
        int count = topic.partitions().size();
        if (count == 1) {
            return 0;
        }
        List<Record> records = batch.records();
        byte[] key = records.isEmpty() ? null : records.getFirst().key();
        if (key != null) {
            return KeyPartitioner.partition(key, count);
        }
        return Math.floorMod(roundRobin.computeIfAbsent(topic.name(), name -> new AtomicInteger()).getAndIncrement(), count);
    }

    /**
     * Checks every record's size and header count. Reads only the records' lengths and counts (no record
     * is decoded, nothing is allocated per record), so it runs on every batch of both transports; a
     * compressed batch is decompressed for it.
     *
     * @throws RecordLimitException naming the record, the value, the limit, its key and the way out
     * @throws io.tributary.format.CorruptBatchException if the records section is not well formed
     */
    private void checkLimits(int partition, RecordBatch batch) {
        long maxRecordBytes = config.maxRecordBytes().bytes();
        int maxHeaders = config.maxHeaders();
        batch.visitRecordShapes((index, headerCount, payloadBytes) -> {
            if (payloadBytes > maxRecordBytes) {
                throw new RecordLimitException(partition, index, "is " + payloadBytes + " bytes (key, value and headers), "
                        + "more than " + BrokerConfig.MAX_RECORD_BYTES.name() + " = " + config.maxRecordBytes()
                        + "; send smaller records or raise the limit");
            }
            if (headerCount > maxHeaders) {
                throw new RecordLimitException(partition, index, "has " + headerCount + " headers, more than "
                        + BrokerConfig.MAX_HEADERS.name() + " = " + maxHeaders
                        + "; send fewer headers per record or raise the limit");
            }
        });
    }

    private static <T> T asConfigError(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
