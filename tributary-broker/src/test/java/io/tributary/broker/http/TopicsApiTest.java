package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsApiTest {

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
    void create_is201_withTheTopicItsSettingsAndPartitions() {
        HttpResponse<String> created = broker.post("/topics", """
                {"name": "orders", "partitions": 3, "config": {"durability": "os", "retention-age": "7d"}}""");

        JsonNode topic = assertThatResponse(created).hasStatus(201).json();
        assertThat(created.headers().firstValue("Location")).contains("/topics/orders");
        assertThat(topic.path("name").asText()).isEqualTo("orders");
        assertThat(topic.path("partitions").asInt()).isEqualTo(3);
        assertThat(topic.path("config").path("durability").asText()).isEqualTo("os");
        assertThat(topic.path("config").path("retention-age").asText()).isEqualTo("7d");
        assertThat(topic.path("config").path("auto-created").asText()).isEqualTo("false");
        assertThat(topic.path("partitionStates")).hasSize(3);
        assertThat(topic.path("partitionStates").get(2).toString())
                .isEqualTo("{\"partition\":2,\"logStartOffset\":0,\"endOffset\":0,\"committedEndOffset\":0,\"sizeBytes\":0}");
    }

    @Test
    void create_ofATopicThatExists_is409() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.post("/topics", "{\"name\": \"orders\"}")).hasStatus(409).hasError("TOPIC_ALREADY_EXISTS");
    }

    @Test
    void create_withABadNameOrSetting_is400() {
        assertThatResponse(broker.post("/topics", "{\"name\": \"no spaces\"}")).hasStatus(400).hasError("INVALID_TOPIC_NAME");
        assertThatResponse(broker.post("/topics", "{\"name\": \"orders\", \"config\": {\"colour\": \"red\"}}"))
                .hasStatus(400).hasError("INVALID_CONFIG").hasMessageContaining("colour");
        assertThatResponse(broker.post("/topics", "{\"name\": \"orders\", \"partitions\": 0}"))
                .hasStatus(400).hasError("INVALID_CONFIG");
        assertThatResponse(broker.post("/topics", "{\"partitions\": 2}")).hasStatus(400).hasMessageContaining("'name' is required");
    }

    @Test
    void list_givesEveryTopicWithItsPartitionCount() {
        broker.post("/topics", "{\"name\": \"orders\", \"partitions\": 2}");
        broker.post("/topics", "{\"name\": \"billing\"}");

        assertThat(json(broker.get("/topics")).toString()).isEqualTo(
                "{\"topics\":[{\"name\":\"billing\",\"partitions\":1},{\"name\":\"orders\",\"partitions\":2}]}");
    }

    @Test
    void describe_ofATopicThatDoesNotExist_is404() {
        assertThatResponse(broker.get("/topics/nothing")).hasStatus(404).hasError("UNKNOWN_TOPIC").hasMessageContaining("nothing");
    }

    @Test
    void describe_showsTheOffsetsOfEachPartition() {
        broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"a\"}, {\"value\": \"b\"}]}");

        JsonNode partition = json(broker.get("/topics/orders")).path("partitionStates").get(0);

        assertThat(partition.path("endOffset").asLong()).isEqualTo(2);
        assertThat(partition.path("committedEndOffset").asLong()).isEqualTo(2);
        assertThat(partition.path("sizeBytes").asLong()).isPositive();
    }

    @Test
    void alter_changesTheSettings() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        HttpResponse<String> altered = broker.patch("/topics/orders", "{\"config\": {\"retention-age\": \"1h\"}}");

        assertThatResponse(altered).hasStatus(200);
        assertThat(json(altered).path("config").path("retention-age").asText()).isEqualTo("1h");
        assertThat(json(broker.get("/topics/orders")).path("config").path("retention-age").asText()).isEqualTo("1h");
    }

    @Test
    void alter_ofTheBrokersOwnSettings_orAMissingTopic_fails() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.patch("/topics/orders", "{\"config\": {\"partitions\": 4}}"))
                .hasStatus(400).hasError("INVALID_CONFIG").hasMessageContaining("partitions");
        assertThatResponse(broker.patch("/topics/nothing", "{\"config\": {\"retention-age\": \"1h\"}}"))
                .hasStatus(404).hasError("UNKNOWN_TOPIC");
    }

    @Test
    void delete_is204_andTheTopicIsGone() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        HttpResponse<String> deleted = broker.delete("/topics/orders");

        assertThatResponse(deleted).hasStatus(204);
        assertThat(deleted.body()).isEmpty();
        assertThatResponse(broker.get("/topics/orders")).hasStatus(404);
        assertThatResponse(broker.delete("/topics/orders")).hasStatus(404).hasError("UNKNOWN_TOPIC");
    }
}
