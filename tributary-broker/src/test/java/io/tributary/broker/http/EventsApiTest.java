package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.broker.service.BrokerService;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.format.BatchBuilder;
import io.tributary.json.CloudEventsJson;
import io.tributary.log.AckLevel;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /topics/{topic}/events} (binary mode storage, decision 0009) and {@code GET .../events}. */
class EventsApiTest {

    private static final String STRUCTURED = CloudEventsJson.CONTENT_TYPE;
    private static final String BATCH = CloudEventsJson.BATCH_CONTENT_TYPE;

    @TempDir
    Path data;

    private ApiFixture broker;

    @BeforeEach
    void start() {
        broker = ApiFixture.start(data);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    // ---------------------------------------------------------------- publish

    @Test
    void structuredEvent_isStoredInBinaryMode_keyPartitionKey_valueData_attributesAsCeHeaders() {
        String event = """
                {"specversion": "1.0", "id": "e-1", "source": "/shop", "type": "order.created",
                 "time": "2026-05-01T12:30:00.123456789Z", "subject": "/orders/1", "partitionkey": "customer-7",
                 "version": 2, "datacontenttype": "application/json", "data": {"total": 12}}""";

        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED + "; charset=utf-8", event)).hasStatus(200)
                .json().path("offsets").get(0).path("offset").asLong();

        Record stored = storedRecords("orders").getFirst();
        assertThat(stored).isEqualTo(EventRecords.toRecord(CloudEventsJson.fromJson(event)));
        assertThat(new String(stored.key(), StandardCharsets.UTF_8)).isEqualTo("customer-7");
        assertThat(new String(stored.value(), StandardCharsets.UTF_8)).as("data as sent, not the envelope")
                .isEqualTo("{\"total\": 12}");
        assertThat(stored.timestamp()).isEqualTo(Instant.parse("2026-05-01T12:30:00.123Z").toEpochMilli());
        assertThat(stored.headers()).extracting(Header::name).containsExactly("ce_specversion", "ce_id", "ce_source",
                "ce_type", "ce_time", "ce_subject", "content-type", "ce_version");
        JsonNode headers = json(broker.get("/topics/orders/partitions/0/records?offset=0")).path("records").get(0)
                .path("headers");
        assertThat(headers.path("ce_type").asText()).isEqualTo("order.created");
        assertThat(headers.path("ce_version").asText()).isEqualTo("2");
        assertThat(headers.path("ce_time").asText()).isEqualTo("2026-05-01T12:30:00.123456789Z");
    }

    @Test
    void batch_storesOneRecordPerEvent_unkeyedWithoutAPartitionKey() {
        JsonNode offsets = json(broker.post("/topics/orders/events", BATCH, """
                [{"specversion": "1.0", "id": "1", "source": "/shop", "type": "order.created", "subject": "/orders/1"},
                 {"specversion": "1.0", "id": "2", "source": "/shop", "type": "order.paid",
                  "datacontenttype": "text/plain", "data": "paid"}]""")).path("offsets");

        assertThat(offsets).hasSize(2);
        List<Record> stored = storedRecords("orders");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).key()).as("subject is not the partition key").isNull();
        assertThat(stored.get(0).value()).isEmpty();
        assertThat(stored.get(1).value()).isEqualTo("paid".getBytes(StandardCharsets.UTF_8));
        assertThat(EventRecords.toEvent(stored.get(1)).type()).isEqualTo("order.paid");
    }

    @Test
    void anEventWithoutARequiredAttribute_is400NamingIt_andInABatchItsIndex() {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"1.0\", \"id\": \"1\", \"type\": \"order.created\"}"))
                .hasStatus(400).hasError("INVALID_REQUEST").hasMessageContaining("'source'", "the event has no source");
        assertThatResponse(broker.post("/topics/orders/events", BATCH, """
                [{"specversion": "1.0", "id": "1", "source": "/shop", "type": "t"},
                 {"specversion": "1.0", "source": "/shop", "type": "t"}]"""))
                .hasStatus(400).hasMessageContaining("'events[1].id'", "events[1] has no id");
        assertThat(broker.service.find("orders")).as("nothing of a rejected request is stored").isEmpty();
    }

    @Test
    void anInvalidAttributeValue_is400NamingTheAttribute() {
        assertThatResponse(broker.post("/topics/orders/events", BATCH, """
                [{"specversion": "1.0", "id": "1", "source": "/shop", "type": "t"},
                 {"specversion": "1.0", "id": "2", "source": "/shop", "type": "t", "time": "yesterday"}]"""))
                .hasStatus(400).hasMessageContaining("'events[1].time'", "RFC 3339");
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/shop\", \"type\": \"no spaces\"}"))
                .hasStatus(400).hasMessageContaining("'type'");
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"/shop\", \"type\": \"t\", \"version\": 0}"))
                .hasStatus(400).hasMessageContaining("'version'");
        assertThat(broker.service.find("orders")).isEmpty();
    }

    @Test
    void anotherSpecVersion_is400() {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"0.3\", \"id\": \"1\", \"source\": \"/shop\", \"type\": \"t\"}"))
                .hasStatus(400).hasMessageContaining("'specversion'", "0.3");
    }

    @Test
    void notJson_anArrayAsOneEvent_andAnEmptyBatch_are400() {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED, "{\"specversion\": "))
                .hasStatus(400).hasMessageContaining("not valid JSON");
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED, "[]"))
                .hasStatus(400).hasMessageContaining("JSON object");
        assertThatResponse(broker.post("/topics/orders/events", BATCH, "[]"))
                .hasStatus(400).hasMessageContaining("the batch is empty");
    }

    @Test
    void anotherContentType_is415() {
        assertThatResponse(broker.post("/topics/orders/events", "application/json", "{}"))
                .hasStatus(415).hasMessageContaining(STRUCTURED, BATCH);
    }

    // ---------------------------------------------------------------- read

    @Test
    void read_givesTheEventsBackInStructuredMode_withTheirOffsets_skippingRecordsThatAreNotEvents() {
        Event created = event("order.created", 1, "{\"total\":12}");
        Event binary = Event.builder("order.archived").source("/shop").datacontenttype("application/octet-stream")
                .data(new byte[] {0, (byte) 0xff}).build();
        post(created);
        broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"not an event\"}]}");
        post(binary);

        HttpResponse<String> read = broker.get("/topics/orders/partitions/0/events?offset=0");

        JsonNode body = assertThatResponse(read).hasStatus(200).json();
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(CloudEventsJson.fromJsonBatch(body.path("events").toString()))
                .as("the events member is a CloudEvents batch, lossless").containsExactly(created, binary);
        assertThat(body.path("events").get(0).path("data").toString()).isEqualTo("{\"total\":12}");
        assertThat(body.path("events").get(1).path("data_base64").asText()).isEqualTo("AP8=");
        assertThat(body.path("offsets").toString()).isEqualTo("[0,2]");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(3);
        assertThat(body.path("committedEndOffset").asLong()).isEqualTo(3);
    }

    @Test
    void read_filtersByTypePatternAndVersion_andSkippedEventsStillMoveNextOffset() {
        post(event("order.created", 1, "1"));
        post(event("user.created", 1, "2"));
        post(event("order.paid", 2, "3"));
        post(event("order.created", 2, "4"));

        JsonNode orders = json(broker.get("/topics/orders/partitions/0/events?offset=0&types=order.*"));
        JsonNode v2 = json(broker.get("/topics/orders/partitions/0/events?offset=0&types=order.*&version=2"));
        JsonNode created = json(broker.get("/topics/orders/partitions/0/events?offset=0&types=order.created&maxRecords=1"));
        JsonNode none = json(broker.get("/topics/orders/partitions/0/events?offset=0&types=billing.%3E"));

        assertThat(orders.path("offsets").toString()).isEqualTo("[0,2,3]");
        assertThat(v2.path("events").findValuesAsText("type")).containsExactly("order.paid", "order.created");
        assertThat(v2.path("offsets").toString()).isEqualTo("[2,3]");
        assertThat(created.path("offsets").toString()).as("maxRecords counts events").isEqualTo("[0]");
        assertThat(created.path("nextOffset").asLong()).isEqualTo(1);
        assertThat(none.path("events")).isEmpty();
        assertThat(none.path("nextOffset").asLong()).as("past the skipped events").isEqualTo(4);
    }

    @Test
    void read_longPoll_waitsForAnEventTheFilterTakes_notForAnyRecord() throws Exception {
        broker.post("/topics", "{\"name\": \"orders\"}");
        CompletableFuture<HttpResponse<String>> poll =
                broker.getAsync("/topics/orders/partitions/0/events?offset=0&types=order.*&waitMs=30000");
        assertThatThrownBy(() -> poll.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        post(event("user.created", 1, "1"));
        assertThatThrownBy(() -> poll.get(300, TimeUnit.MILLISECONDS))
                .as("an event the filter skips does not end the wait").isInstanceOf(TimeoutException.class);
        post(event("order.created", 1, "2"));

        JsonNode body = json(poll.get(10, TimeUnit.SECONDS));
        assertThat(body.path("events").findValuesAsText("type")).containsExactly("order.created");
        assertThat(body.path("offsets").toString()).isEqualTo("[1]");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(2);
    }

    @Test
    void read_skipsARecordWithEventHeadersThatIsNoValidEvent() {
        Record broken = new Record(null, List.of(header("ce_specversion", "1.0"), header("ce_id", "x"),
                header("ce_source", "/s"), header("ce_type", "t"), header("ce_time", "not a time")), new byte[0], 1L);
        broker.service.append("orders", BrokerService.ANY_PARTITION, BatchBuilder.create().add(broken).build(),
                AckLevel.COMMITTED, Duration.ofSeconds(10)).join();
        post(event("order.created", 1, "1"));

        JsonNode body = json(broker.get("/topics/orders/partitions/0/events?offset=0"));

        assertThat(body.path("offsets").toString()).isEqualTo("[1]");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(2);
    }

    @Test
    void read_withABadFilter_is400NamingTheParameter_andSharesTheRecordsReadsChecks() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.get("/topics/orders/partitions/0/events?offset=0&types=order.*x"))
                .hasStatus(400).hasError("INVALID_REQUEST").hasMessageContaining("types", "order.*x");
        assertThatResponse(broker.get("/topics/orders/partitions/0/events?offset=0&version=0"))
                .hasStatus(400).hasMessageContaining("version", "1 to");
        assertThatResponse(broker.get("/topics/orders/partitions/0/events")).hasStatus(400).hasMessageContaining("offset");
        assertThatResponse(broker.get("/topics/orders/partitions/0/events?offset=5")).hasStatus(400)
                .hasError("OFFSET_OUT_OF_RANGE");
        assertThatResponse(broker.get("/topics/orders/partitions/3/events?offset=0")).hasStatus(404)
                .hasError("UNKNOWN_PARTITION");
    }

    // ---------------------------------------------------------------- helpers

    private static Event event(String type, int version, String jsonData) {
        return Event.builder(type).source("/shop").version(version).datacontenttype(Event.APPLICATION_JSON)
                .data(jsonData.getBytes(StandardCharsets.UTF_8)).build();
    }

    private void post(Event event) {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED, CloudEventsJson.toJson(event))).hasStatus(200);
    }

    private static Header header(String name, String value) {
        return new Header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record of partition 0 of {@code topic}, as the log stores it. */
    private List<Record> storedRecords(String topic) {
        ReadResult result = broker.service.read(topic, 0, 0, 1 << 20, Duration.ZERO).join();
        assertThat(result).isInstanceOf(ReadResult.Records.class);
        List<Record> records = new ArrayList<>();
        try {
            ((ReadResult.Records) result).slice().batches().forEach(batch -> records.addAll(batch.records()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
