package io.tributary.broker;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.broker.http.HttpApi;
import io.tributary.broker.net.TcpServer;
import io.tributary.broker.service.BrokerService;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker: a data directory ({@link EmbeddedBroker}) served over the binary protocol and the HTTP
 * API.
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
            EmbeddedBroker storage = EmbeddedBroker.open(config);
            opened.push(storage);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            opened.push(metrics::close);
            BrokerService service = storage.service();
            HttpApi http = HttpApi.start(service, metrics, config.host(), config.httpPort());
            opened.push(http);
            TcpServer tcp = TcpServer.start(config.host(), config.port(), service, metrics);
            LOG.info("cluster {}: serving {} on {} (binary) and {} (HTTP)", storage.clusterId(), config.dataDirectory(),
                    tcp.address(), http.address());
            return new Broker(config, storage.clusterId(), opened, tcp, http);
        } catch (RuntimeException e) {
            EmbeddedBroker.closeAll(opened, e);
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
        RuntimeException failure = EmbeddedBroker.closeAll(resources, null);
        synchronized (shutdown) {
            closed = true;
            shutdown.notifyAll();
        }
        LOG.info("stopped");
        if (failure != null) {
            throw failure;
        }
    }
}
