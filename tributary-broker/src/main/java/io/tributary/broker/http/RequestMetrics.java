package io.tributary.broker.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The timer {@code tributary.http.requests} (Prometheus: {@code tributary_http_requests_seconds_*})
 * with the tags {@code method}, {@code route} and {@code status}. Every tag is bounded: the route is the
 * template ({@code /topics/{topic}/records}), never the path, and unmatched paths share the route
 * {@code unmatched}, so clients cannot grow the registry. There is no topic tag: topics are created by
 * producers (auto-creation), so their number is the users' choice, not ours. Thread-safe.
 */
final class RequestMetrics {

    static final String NAME = "tributary.http.requests";
    static final String UNMATCHED = "unmatched";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one request that took {@code nanos}. */
    void record(String method, String route, int status, long nanos) {
        Timer.builder(NAME)
                .description("HTTP API requests by method, route template and status")
                .tag("method", KNOWN_METHODS.contains(method) ? method : "other")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
