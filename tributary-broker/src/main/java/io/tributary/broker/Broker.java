package io.tributary.broker;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.broker.cluster.ClusterIdentity;
import io.tributary.broker.http.HttpApi;
import io.tributary.broker.net.TcpServer;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.topic.TopicRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker: a data directory served over the binary protocol and the HTTP API.
 *
 * <pre>{@code
 * try (Broker broker = Broker.start(BrokerConfig.defaults(Path.of("tributary-data")))) {
 *     System.out.println("listening on " + broker.address());
 *     broker.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down gracefully: stop accepting and reading, write the answers to the
 * requests already read (their appends commit first), close the logs.
 */
public final class Broker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    private static final String LOCK_FILE = ".lock";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final BrokerConfig config;
    private final String clusterId;
    private final Deque<AutoCloseable> resources;
    private final TcpServer tcp;
    private final HttpApi http;
    private final Object shutdown = new Object();
    private boolean closed;

    private Broker(BrokerConfig config, String clusterId, Deque<AutoCloseable> resources, TcpServer tcp,
            HttpApi http) {
        this.config = config;
        this.clusterId = clusterId;
        this.resources = resources;
        this.tcp = tcp;
        this.http = http;
    }

    /**
     * Opens the data directory and starts listening.
     *
     * @throws io.tributary.api.ClusterIdMismatchException if the directory belongs to another cluster id
     * @throws IllegalStateException                       if another broker uses the directory
     * @throws UncheckedIOException                        if a port is taken or the directory cannot be used
     */
    public static Broker start(BrokerConfig config) {
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
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            opened.push(metrics::close);
            BrokerService service = new BrokerService(topics, config, clusterId);
            HttpApi http = HttpApi.start(service, metrics, config.host(), config.httpPort());
            opened.push(http);
            TcpServer tcp = TcpServer.start(config.host(), config.port(), service, metrics);
            LOG.info("cluster {}: serving {} on {} (binary) and {} (HTTP)", clusterId, config.dataDirectory(),
                    tcp.address(), http.address());
            return new Broker(config, clusterId, opened, tcp, http);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** Where the binary protocol listens. */
    public InetSocketAddress address() {
        return tcp.address();
    }

    /** Where the HTTP API listens. */
    public InetSocketAddress httpAddress() {
        return http.address();
    }

    /** The cluster id of the data directory. */
    public String clusterId() {
        return clusterId;
    }

    /** The settings the broker runs with. */
    public BrokerConfig config() {
        return config;
    }

    /** Blocks until {@link #close()} has finished (from another thread, e.g. a shutdown hook). */
    public void awaitShutdown() throws InterruptedException {
        synchronized (shutdown) {
            while (!closed) {
                shutdown.wait();
            }
        }
    }

    @Override
    public void close() {
        synchronized (shutdown) {
            if (closed) {
                return;
            }
        }
        LOG.info("shutting down: finishing requests in flight, then closing the logs");
        tcp.close(SHUTDOWN_GRACE);
        RuntimeException failure = closeAll(resources, null);
        synchronized (shutdown) {
            closed = true;
            shutdown.notifyAll();
        }
        LOG.info("stopped");
        if (failure != null) {
            throw failure;
        }
    }

    private static AutoCloseable lockDataDirectory(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data directory " + dataDirectory.toAbsolutePath()
                        + " is in use by another broker; stop it or pass another --data");
            }
            return channel::close;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + dataDirectory.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static RuntimeException closeAll(Deque<AutoCloseable> resources, RuntimeException primary) {
        RuntimeException failure = primary;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
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
