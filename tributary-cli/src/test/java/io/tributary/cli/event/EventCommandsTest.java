package io.tributary.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.cli.CliRun;
import io.tributary.event.Event;
import io.tributary.json.CloudEventsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emit} and {@code tail} against a broker on a free loopback port ({@code tributary://}), cross-checked
 * through the broker's HTTP events endpoint.
 */
class EventCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private Broker broker;
    private String url;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startBroker() {
        broker = Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0));
        url = "tributary://127.0.0.1:" + broker.address().getPort();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void emit_printsThePosition_andStoresTheEventAsTheHttpApiReadsIt() throws Exception {
        CliRun emitted = CliRun.of("emit", "--url", url, "--topic", "orders", "--type", "order.created", "--key",
                "customer-7", "--version", "2", "--source", "/shop", "--data", " {\"total\": 12.5}\n");

        assertThat(emitted.exitCode()).as(emitted.err()).isZero();
        assertThat(emitted.outLines()).singleElement().asString().matches("orders/0@0 [0-9a-f-]{36}");
        JsonNode read = httpEvents("orders", "");
        JsonNode event = read.path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("order.created");
        assertThat(event.path("version").asInt()).isEqualTo(2);
        assertThat(event.path("partitionkey").asText()).isEqualTo("customer-7");
        assertThat(event.path("source").asText()).isEqualTo("/shop");
        assertThat(event.path("id").asText()).isEqualTo(emitted.out().strip().split(" ")[1]);
        assertThat(event.path("data").toString()).isEqualTo("{\"total\":12.5}");
    }

    @Test
    void emit_readsTheDataFromStdin() throws Exception {
        CliRun emitted = CliRun.withInput("[1, 2, 3]\n", "emit", "--url", url, "--type", "numbers.listed", "--data", "-");

        assertThat(emitted.exitCode()).as(emitted.err()).isZero();
        assertThat(emitted.out()).startsWith("events/0@0 ");
        assertThat(httpEvents("events", "").path("events").get(0).path("data").toString()).isEqualTo("[1,2,3]");
    }

    @Test
    void tail_fromBeginning_printsTheEventsOfTheFilter_asCloudEventsJsonLines() throws Exception {
        emit("order.created", 1, "{\"n\":1}");
        emit("user.created", 1, "{\"n\":2}");
        emit("order.paid", 2, "{\"n\":3}");
        emit("order.created", 2, "{\"n\":4}");

        CliRun tailed = CliRun.of("tail", "--url", url, "--topic", "orders", "--type", "order.*", "--version", "2",
                "--from", "beginning", "--count", "2", "--output", "json");

        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        List<Event> events = tailed.outLines().stream().map(CloudEventsJson::fromJson).toList();
        assertThat(events).extracting(Event::type).containsExactly("order.paid", "order.created");
        assertThat(events).extracting(event -> new String(event.data(), StandardCharsets.UTF_8))
                .containsExactly("{\"n\":3}", "{\"n\":4}");
    }

    @Test
    void tail_text_givesOneReadableLinePerEvent() {
        emit("order.created", 3, "{\"total\":12.5}");

        CliRun tailed = CliRun.of("tail", "--url", url, "--topic", "orders", "--from", "0", "--count", "1");

        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        assertThat(tailed.outLines()).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z order\\.created v3 key=k id=[0-9a-f-]{36} \\{\"total\":12\\.5}");
    }

    @Test
    void tail_fromEnd_waitsForNewEvents_includingOnesPublishedOverHttp() throws Exception {
        emit("order.created", 1, "\"old\"");
        CompletableFuture<CliRun> tail = CompletableFuture.supplyAsync(() -> CliRun.of("tail", "--url", url, "--topic",
                "orders", "--from", "end", "--count", "1", "--output", "json"));
        // The tail starts at the end it finds when its subscription opens, which this thread cannot see: publish
        // until one arrives (each event is new to a tail that is already waiting).
        for (int i = 0; !tail.isDone() && i < 60; i++) {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(httpUri("/topics/orders/events"))
                    .header("Content-Type", CloudEventsJson.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"specversion": "1.0", "id": "from-http-%d", "source": "/curl", "type": "order.paid",
                             "datacontenttype": "application/json", "data": "new"}""".formatted(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            try {
                tail.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // publish another
            }
        }

        CliRun tailed = tail.get(30, TimeUnit.SECONDS);
        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        assertThat(tailed.outLines()).singleElement().satisfies(line -> {
            Event event = CloudEventsJson.fromJson(line);
            assertThat(event.id()).as("never the event from before the tail").startsWith("from-http-");
            assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo("\"new\"");
        });
    }

    private void emit(String type, int version, String json) {
        CliRun emitted = CliRun.of("emit", "--url", url, "--topic", "orders", "--type", type, "--version",
                Integer.toString(version), "--key", "k", "--data", json);
        assertThat(emitted.exitCode()).as(emitted.err()).isZero();
    }

    private JsonNode httpEvents(String topic, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                httpUri("/topics/" + topic + "/partitions/0/events?offset=0" + query)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + broker.httpAddress().getPort() + path);
    }
}
