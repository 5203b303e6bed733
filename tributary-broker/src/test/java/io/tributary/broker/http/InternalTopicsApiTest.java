package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTP, internal topics (names starting with __) can be read, not created, produced to, altered or deleted. */
class InternalTopicsApiTest {

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
    void create_ofANameStartingWithTwoUnderscores_is403() {
        assertThatResponse(broker.post("/topics", "{\"name\": \"__mine\"}")).hasStatus(403).hasError("POLICY_VIOLATION")
                .hasMessageContaining("names starting with __ are the broker's internal topics");
        assertThatResponse(broker.get("/topics/__mine")).hasStatus(404);
    }

    @Test
    void produce_toAnInternalTopic_is403_andCreatesNothing() {
        assertThatResponse(broker.post("/topics/__consumer_offsets/records", "{\"records\": [{\"value\": \"x\"}]}"))
                .hasStatus(403).hasError("POLICY_VIOLATION").hasMessageContaining("tributary group reset");
        assertThatResponse(broker.post("/topics/__other/records", "{\"records\": [{\"value\": \"x\"}]}"))
                .hasStatus(403).hasError("POLICY_VIOLATION");
        assertThatResponse(broker.get("/topics/__other")).hasStatus(404);
    }

    @Test
    void alterAndDelete_ofConsumerOffsets_are403_sayingHowToResetOffsetsInstead() {
        assertThatResponse(broker.patch("/topics/__consumer_offsets", "{\"config\": {\"retention-age\": \"1h\"}}"))
                .hasStatus(403).hasError("POLICY_VIOLATION")
                .hasMessageContaining("__consumer_offsets holds committed group offsets; reset offsets with `tributary group reset`");
        assertThatResponse(broker.delete("/topics/__consumer_offsets")).hasStatus(403).hasError("POLICY_VIOLATION")
                .hasMessageContaining("holds committed group offsets");
        assertThatResponse(broker.get("/topics/__consumer_offsets")).hasStatus(200);
    }

    @Test
    void consumerOffsets_canBeDescribedAndRead_butIsNotInTheList() {
        assertThat(json(broker.get("/topics/__consumer_offsets")).path("config").path("retention-age").asText())
                .isEqualTo("0");
        assertThatResponse(broker.get("/topics/__consumer_offsets/partitions/0/records?offset=0")).hasStatus(200);
        assertThat(json(broker.get("/topics")).toString()).isEqualTo("{\"topics\":[]}");
    }
}
