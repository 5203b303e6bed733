package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsApiTest {

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

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

    @Test
    void structuredEvent_isStoredAsItsJson_keyedByItsPartitionKey_withTheAttributesAsHeaders() {
        String event = """
                {"specversion": "1.0", "id": "e-1", "source": "/shop", "type": "order.created",
                 "subject": "/orders/1", "partitionkey": "customer-7", "data": {"total": 12}}""";

        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED + "; charset=utf-8", event)).hasStatus(200);

        JsonNode record = json(broker.get("/topics/orders/partitions/0/records?offset=0")).path("records").get(0);
        assertThat(record.path("key").asText()).isEqualTo("customer-7");
        assertThat(json(record.path("value").asText()).path("data").path("total").asInt()).isEqualTo(12);
        assertThat(record.path("headers").path("ce_type").asText()).isEqualTo("order.created");
        assertThat(record.path("headers").path("ce_id").asText()).isEqualTo("e-1");
        assertThat(record.path("headers").path("ce_source").asText()).isEqualTo("/shop");
    }

    @Test
    void batch_storesOneRecordPerEvent_keyedBySubjectWithoutAPartitionKey() {
        JsonNode offsets = json(broker.post("/topics/orders/events", BATCH, """
                [{"specversion": "1.0", "id": "1", "source": "/shop", "type": "order.created", "subject": "/orders/1"},
                 {"specversion": "1.0", "id": "2", "source": "/shop", "type": "order.paid"}]""")).path("offsets");

        assertThat(offsets).hasSize(2);
        JsonNode records = json(broker.get("/topics/orders/partitions/0/records?offset=0")).path("records");
        assertThat(records.get(0).path("key").asText()).isEqualTo("/orders/1");
        assertThat(records.get(1).path("key").isNull()).isTrue();
    }

    @Test
    void anEventWithoutARequiredAttribute_is400NamingIt() {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"1.0\", \"id\": \"1\", \"type\": \"order.created\"}"))
                .hasStatus(400).hasError("INVALID_REQUEST").hasMessageContaining("'source'");
        assertThatResponse(broker.post("/topics/orders/events", BATCH, """
                [{"specversion": "1.0", "id": "1", "source": "/shop", "type": "t"},
                 {"specversion": "1.0", "source": "/shop", "type": "t"}]"""))
                .hasStatus(400).hasMessageContaining("events[1]", "'id'");
        assertThat(broker.service.find("orders")).as("nothing of a rejected batch is stored").isEmpty();
    }

    @Test
    void anotherSpecVersion_is400() {
        assertThatResponse(broker.post("/topics/orders/events", STRUCTURED,
                "{\"specversion\": \"0.3\", \"id\": \"1\", \"source\": \"/shop\", \"type\": \"t\"}"))
                .hasStatus(400).hasMessageContaining("0.3");
    }

    @Test
    void anotherContentType_is415() {
        assertThatResponse(broker.post("/topics/orders/events", "application/json", "{}"))
                .hasStatus(415).hasMessageContaining(STRUCTURED, BATCH);
    }
}
