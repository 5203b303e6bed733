package io.tributary.broker;

import io.tributary.broker.cluster.ClusterIdentity;
import io.tributary.broker.group.ConsumerGroups;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.group.coordinator.LocalGroupCoordinator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A data directory opened in this process, without network listeners: the {@link BrokerService} over
 * its topics. {@link Broker#start} serves one of these over the network; the {@code file:} bus uses one
 * directly.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.open(BrokerConfig.defaults(Path.of("data")))) {
 *     broker.service().append("orders", BrokerService.ANY_PARTITION, batch, AckLevel.COMMITTED, timeout);
 * }
 * }</pre>
 *
 * <p>Opening takes the directory's {@code .lock} file (one broker per directory, whether in another
 * process or in this one), checks or creates the cluster id, then opens every topic with one scheduler
 * thread for retention and interval flushes, then the consumer-group coordinator
 * ({@link BrokerService#groups()}) with the committed offsets of {@code __consumer_offsets}. {@link #close()} undoes these in reverse order: the logs
 * first (pending appends commit), then the scheduler, then the lock. Thread-safe; {@code close} is
 * idempotent. {@link #config()}'s host and ports are not used.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private final BrokerConfig config;
    private final String clusterId;
    private final BrokerService service;
    private final Deque<AutoCloseable> resources;
    private boolean closed; // guarded by this

    private EmbeddedBroker(BrokerConfig config, String clusterId, BrokerService service, Deque<AutoCloseable> resources) {
        this.config = config;
        this.clusterId = clusterId;
        this.service = service;
        this.resources = resources;
    }

    /**
     * Opens {@code config.dataDirectory()}, creating it if absent, and recovers its logs.
     *
     * @throws io.tributary.api.ClusterIdMismatchException if the directory belongs to another cluster id
     * @throws IllegalStateException                       if another broker or bus holds the directory's lock
     * @throws UncheckedIOException                        if the directory cannot be used
     * @throws io.tributary.log.CorruptLogException        if a log is corrupt before its tail (decision 0005)
     * @throws io.tributary.broker.group.CorruptOffsetsException if a record of {@code __consumer_offsets} does not parse
     */
    public static EmbeddedBroker open(BrokerConfig config) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            opened.push(lockDataDirectory(config.dataDirectory()));
            String clusterId = ClusterIdentity.loadOrCreate(config.dataDirectory(), config.clusterId(), new SecureRandom())
                    .clusterId();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("tributary-scheduler").daemon().factory());
            opened.push(() -> {
                scheduler.shutdown();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            });
            TopicRegistry topics = TopicRegistry.open(config.dataDirectory(), config.log(),
                    PartitionFactory.local(scheduler));
            opened.push(topics);
            LocalGroupCoordinator groups = ConsumerGroups.open(topics, config, InstantSource.system(), scheduler);
            return new EmbeddedBroker(config, clusterId, new BrokerService(topics, config, clusterId, groups), opened);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** The operations on the directory's topics. */
    public BrokerService service() {
        return service;
    }

    /** The cluster id of the data directory. */
    public String clusterId() {
        return clusterId;
    }

    /** The settings it was opened with. */
    public BrokerConfig config() {
        return config;
    }

    /**
     * Closes the logs (waiting for pending appends to commit), stops the scheduler and releases the lock.
     *
     * @throws RuntimeException the first failure; later ones are suppressed into it
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RuntimeException failure = closeAll(resources, null);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + config.dataDirectory() + ", cluster " + clusterId + "]";
    }

    /**
     * Takes the directory's lock file. Another process holding it makes {@code tryLock} return null; this
     * JVM holding it (a second bus on the same directory) makes it throw: both are the same error.
     */
    private static AutoCloseable lockDataDirectory(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data directory " + dataDirectory.toAbsolutePath() + " is in use: "
                        + "another broker or file: bus holds its lock " + lockFile.toAbsolutePath()
                        + "; close that one first, or use another directory");
            }
            return channel::close;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + dataDirectory.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Closes {@code resources} newest first.
     *
     * @return the first failure when {@code primary} is null (later ones suppressed into it); null when
     *         {@code primary} was given (failures are suppressed into it) or nothing failed
     */
    static RuntimeException closeAll(Deque<AutoCloseable> resources, RuntimeException primary) {
        RuntimeException failure = primary;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return primary == null ? failure : null;
    }
}
