package io.tributary.internal.file;

import io.tributary.BusClosedException;
import io.tributary.BusOptions;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.api.Header;
import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TributaryException;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.EmbeddedBroker;
import io.tributary.broker.service.BrokerService;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.group.GroupCoordinator;
import io.tributary.internal.PartitionChooser;
import io.tributary.internal.PartitionReader;
import io.tributary.internal.Transport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code file:<dir>}: an embedded broker in this process ({@link EmbeddedBroker}: the log engine, no
 * network) over the directory. A publish completes once its event is committed, which under the topics'
 * default durability {@code fsync} means on stable storage: an event whose publish completed survives a
 * crash of the process or the machine.
 *
 * <ul>
 *   <li><b>Topics</b> are created on first use with the bus's {@code partitions}; an existing topic keeps
 *       its partition count. The directory has the broker's layout, so {@code tributary server --data dir}
 *       can serve it later (not at the same time: the directory's {@code .lock} admits one user).</li>
 *   <li><b>Events</b> are stored as records in CloudEvents binary mode ({@link EventRecords}, decision
 *       0009); keyed events go to {@link KeyPartitioner murmur2} of their key's UTF-8 bytes, key-less ones
 *       round robin per event.</li>
 *   <li><b>Publishing</b> goes through one {@link CoalescingAppender} per partition, which turns
 *       concurrent publishes into batches while earlier ones commit.</li>
 *   <li><b>Reading</b> is a {@link LogPartitionReader} per subscription and partition (long polls).</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} (called by the bus once its feeds stopped) waits up to the bus's
 * {@code close-timeout} for queued publishes to commit (those left fail with
 * {@link BusClosedException}), then closes the broker, which releases the directory's lock.
 */
public final class EmbeddedTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTransport.class);
    /** Largest batch a partition's appender builds; events of 1 KiB make batches of about 1000. */
    static final int MAX_BATCH_BYTES = 1 << 20;
    /** Most bytes of events queued per partition while earlier batches commit; a publish beyond waits. */
    static final long MAX_QUEUED_BYTES = 16L << 20;
    /**
     * Longest a batch may wait for its commit before its publishes fail with a timeout. Far beyond any
     * healthy fsync; it bounds the wait on a disk that hangs.
     */
    static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(2);

    private final Path directory;
    private final EmbeddedBroker broker;
    private final BrokerService service;
    private final BusOptions options;
    private final int maxBatchBytes;
    private final ExecutorService completions = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tributary-file-commit-", 0).factory());
    private final ConcurrentMap<String, TopicAppenders> topics = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private EmbeddedTransport(Path directory, EmbeddedBroker broker, BusOptions options) {
        this.directory = directory;
        this.broker = broker;
        this.service = broker.service();
        this.options = options;
        this.maxBatchBytes = (int) Math.min(MAX_BATCH_BYTES, broker.config().log().maxBatchBytes().bytes());
    }

    /**
     * Opens (creating if absent) the data directory and recovers its logs.
     *
     * @throws TributaryException if the directory is in use (its {@code .lock} is held by another bus or
     *                            broker, in this process or another), belongs to another cluster, is
     *                            corrupt or cannot be used; the message names the directory
     */
    public static Transport open(Path directory, BusOptions options) {
        try {
            return new EmbeddedTransport(directory, EmbeddedBroker.open(BrokerConfig.defaults(directory)), options);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new TributaryException("cannot open the file: bus in " + directory.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int partitions(String topic) {
        return topic(topic).appenders.length;
    }

    @Override
    public int existingPartitions(String topic) {
        return service.find(topic).map(found -> found.partitions().size()).orElse(0);
    }

    /** {@inheritDoc} The embedded broker's coordinator, called in this process; offsets live in its log. */
    @Override
    public GroupCoordinator groups() {
        return service.groups();
    }

    @Override
    public CompletableFuture<EventPosition> append(String topic, Event event) {
        TopicAppenders target = topic(topic);
        Record record = EventRecords.toRecord(event);
        long payloadBytes = payloadBytes(record);
        Optional<String> problem = checkLimits(record, payloadBytes);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new TributaryException("event " + event.id() + " for topic " + topic
                    + " " + problem.get()));
        }
        int partition = target.partitionFor(record);
        return target.appenders[partition].append(record, CoalescingAppender.sizeInBatch(record, payloadBytes));
    }

    @Override
    public PartitionReader reader(String topic, int partition, StartPosition start) {
        if (closed) {
            throw new BusClosedException("the file: bus in " + directory + " is closed");
        }
        return LogPartitionReader.open(service, topic, partition, start);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Duration timeout = options.closeTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (TopicAppenders topic : topics.values()) {
                for (CoalescingAppender appender : topic.appenders) {
                    if (!appender.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                        LOG.warn("{}: publishes still queued after {}; they failed", appender, timeout);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                broker.close(); // commits what is still in flight; its completions run on `completions`
            } finally {
                completions.shutdown();
                awaitCompletions(deadline);
            }
        }
    }

    @Override
    public String toString() {
        return "file:" + directory;
    }

    private void awaitCompletions(long deadline) {
        try {
            if (!completions.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("callbacks of publish futures of {} still run after {}; not waiting for them", this,
                        options.closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TopicAppenders topic(String name) {
        if (closed) {
            throw new BusClosedException("the file: bus in " + directory + " is closed");
        }
        TopicAppenders known = topics.get(name);
        if (known != null) {
            return known;
        }
        int partitions = existingOrCreated(name);
        return topics.computeIfAbsent(name, n -> new TopicAppenders(n, partitions, this));
    }

    /** The partition count of the topic, creating it first if absent; a concurrent creation is not an error. */
    private int existingOrCreated(String name) {
        var existing = service.find(name);
        if (existing.isPresent()) {
            return existing.get().partitions().size();
        }
        try {
            return service.createTopic(name, options.partitions(), Map.of()).partitions().size();
        } catch (TopicExistsException createdMeanwhile) {
            return service.require(name).partitions().size();
        }
    }

    /**
     * What is wrong with {@code record} by the broker's record limits, checked here per event so that one
     * event that breaks them fails alone instead of failing the batch it would share with others.
     */
    private Optional<String> checkLimits(Record record, long payloadBytes) {
        BrokerConfig config = broker.config();
        if (payloadBytes > config.maxRecordBytes().bytes()) {
            return Optional.of("is " + payloadBytes + " bytes (data, key and attributes), more than "
                    + BrokerConfig.MAX_RECORD_BYTES.name() + " = " + config.maxRecordBytes() + "; publish smaller events");
        }
        if (record.headers().size() > config.maxHeaders()) {
            return Optional.of("has " + record.headers().size() + " attributes, more than " + BrokerConfig.MAX_HEADERS.name()
                    + " = " + config.maxHeaders() + "; use fewer extensions");
        }
        return Optional.empty();
    }

    /** Bytes of key, value, header names (UTF-8) and header values, as the broker counts them. */
    static long payloadBytes(Record record) {
        long bytes = (record.key() == null ? 0 : record.key().length) + (long) record.value().length;
        for (Header header : record.headers()) {
            bytes += utf8Length(header.name()) + header.value().length;
        }
        return bytes;
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** A topic's appenders (index = partition) and the spreading of key-less events. */
    private static final class TopicAppenders {
        final CoalescingAppender[] appenders;
        private final PartitionChooser chooser;

        TopicAppenders(String topic, int partitions, EmbeddedTransport transport) {
            appenders = new CoalescingAppender[partitions];
            for (int i = 0; i < partitions; i++) {
                appenders[i] = new CoalescingAppender(topic, i, transport.service, transport.completions,
                        transport.maxBatchBytes, MAX_QUEUED_BYTES, COMMIT_TIMEOUT);
            }
            chooser = new PartitionChooser(partitions);
        }

        int partitionFor(Record record) {
            return chooser.partitionFor(record.key()); // the partitionkey in UTF-8
        }
    }
}
