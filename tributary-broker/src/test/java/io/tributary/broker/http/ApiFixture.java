package io.tributary.broker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.group.ConsumerGroups;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.topic.TopicRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * A broker's HTTP API on a free loopback port, over topics in a temporary directory, and a client
 * that speaks to it. One per test; {@link #close()} stops everything.
 */
final class ApiFixture implements AutoCloseable {

    static final String CLUSTER_ID = "test-cluster";
    private static final ObjectMapper JSON = new ObjectMapper();

    final BrokerService service;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpApi api;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TopicRegistry topics;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiFixture(Path data, UnaryOperator<BrokerConfig> settings) {
        BrokerConfig config = settings.apply(BrokerConfig.defaults(data));
        topics = TopicRegistry.open(data, config.log(), PartitionFactory.local(scheduler));
        service = new BrokerService(topics, config, CLUSTER_ID, ConsumerGroups.open(topics, config, InstantSource.system(),
                scheduler));
        api = HttpApi.start(service, metrics, "127.0.0.1", 0);
    }

    /** The API with the default broker settings. */
    static ApiFixture start(Path data) {
        return new ApiFixture(data, config -> config);
    }

    /** The API with settings changed by {@code settings}. */
    static ApiFixture start(Path data, UnaryOperator<BrokerConfig> settings) {
        return new ApiFixture(data, settings);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.address().getPort() + path);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, "application/json", json);
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    /** The body of {@code response} as JSON. */
    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** {@code text} as JSON. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        api.close();
        topics.close();
        scheduler.shutdownNow();
        metrics.close();
    }
}
