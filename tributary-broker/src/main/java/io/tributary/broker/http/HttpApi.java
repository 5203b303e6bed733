package io.tributary.broker.http;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.service.BrokerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's HTTP/JSON API (docs/http-api.md): publish and read records, publish and read CloudEvents, manage
 * topics, look at consumer groups, health and Prometheus metrics. Runs on the JDK's {@link HttpServer}, one
 * virtual thread per request, so handlers block freely (reading a body, waiting for a commit, a long poll)
 * without holding a platform thread.
 *
 * <pre>{@code
 * try (HttpApi api = HttpApi.start(service, registry, "127.0.0.1", 7651)) {
 *     ... api.address() ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. The private {@code routes} method lists every endpoint and its handler.
 */
public final class HttpApi implements AutoCloseable {

    /** Seconds {@link #close()} lets in-flight requests finish. */
    static final int SHUTDOWN_GRACE_SECONDS = 5;
    /** How long a request body waits for request memory ({@code tributary.broker.request-memory}) before a 503. */
    static final Duration REQUEST_MEMORY_WAIT = Duration.ofSeconds(30);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final CompletableFuture<Void> closing;

    private HttpApi(HttpServer server, ExecutorService executor, CompletableFuture<Void> closing) {
        this.server = server;
        this.executor = executor;
        this.closing = closing;
    }

    /**
     * Starts serving {@code service} on {@code host:port}; returns once the socket listens.
     *
     * @param metrics where request timers go and what {@code GET /metrics} scrapes
     * @param port    0 picks a free port ({@link #address()} tells which)
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static HttpApi start(BrokerService service, PrometheusMeterRegistry metrics, String host, int port) {
        return start(service, metrics, host, port, InstantSource.system());
    }

    /** As {@link #start(BrokerService, PrometheusMeterRegistry, String, int)}, timestamping records with {@code clock}. */
    static HttpApi start(BrokerService service, PrometheusMeterRegistry metrics, String host, int port,
            InstantSource clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on " + host + ":" + port + " ("
                    + BrokerConfig.HOST.name() + ", " + BrokerConfig.HTTP_PORT.name() + "): " + e.getMessage(), e);
        }
        BrokerConfig config = service.config();
        BodyReader bodies = new BodyReader(config.maxRequestBytes(),
                new RequestMemory(service.requestMemory(), config.requestMemory(), REQUEST_MEMORY_WAIT));
        CompletableFuture<Void> closing = new CompletableFuture<>();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tributary-http-", 0).factory());
        server.createContext("/", new ApiDispatcher(routes(service, metrics, clock, closing), bodies,
                new RequestMetrics(metrics)));
        server.setExecutor(executor);
        server.start();
        LOG.info("HTTP API listening on http://{}:{}", host, server.getAddress().getPort());
        return new HttpApi(server, executor, closing);
    }

    /** Every endpoint of the API. */
    private static Router routes(BrokerService service, PrometheusMeterRegistry metrics, InstantSource clock,
            CompletableFuture<Void> closing) {
        PartitionedAppender appender = new PartitionedAppender(service);
        TopicsHandler topics = new TopicsHandler(service);
        LongPollRead reads = new LongPollRead(service, closing);
        GroupsHandler groups = new GroupsHandler(service.groups());
        return new Router()
                .add("GET", "/healthz", request -> Response.ok(new Health("ok", service.clusterId())))
                .add("GET", "/metrics", request -> Response.text(PROMETHEUS_TEXT, metrics.scrape(PROMETHEUS_TEXT)))
                .add("GET", "/topics", topics::list)
                .add("POST", "/topics", topics::create)
                .add("GET", "/topics/{topic}", topics::describe)
                .add("PATCH", "/topics/{topic}", topics::alter)
                .add("DELETE", "/topics/{topic}", topics::delete)
                .add("POST", "/topics/{topic}/records", new PublishHandler(appender, clock))
                .add("POST", "/topics/{topic}/events", new EventsHandler(appender))
                .add("GET", "/topics/{topic}/partitions/{partition}/records", new ReadHandler(reads))
                .add("GET", "/topics/{topic}/partitions/{partition}/events", new EventsReadHandler(reads))
                .add("GET", "/groups", groups::list)
                .add("GET", "/groups/{group}", groups::describe);
    }

    /** The answer of {@code GET /healthz}. */
    record Health(String status, String clusterId) {
    }

    /** The address the API listens on, with the actual port when started with port 0. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Stops accepting connections, ends long polls (they answer with no records), lets in-flight
     * requests finish for up to {@value #SHUTDOWN_GRACE_SECONDS} s, then interrupts what is left.
     * Blocks until then; a second call does nothing.
     */
    @Override
    public void close() {
        if (!closing.complete(null)) {
            return;
        }
        server.stop(SHUTDOWN_GRACE_SECONDS);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("HTTP requests still running after the API closed; they end with the broker");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP API closed");
    }
}
