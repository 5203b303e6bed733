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

/**
 * Retention judges a segment by the newest record timestamp in it, as producers set them (Kafka's rule),
 * not by when the broker received the records. docs/http-api.md warns about the consequence pinned here.
 */
class RetentionApiTest {

    private static final String FILLER = "x".repeat(600);

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
    void recordsWithAncientTimestamps_areDeletedAtTheNextRetentionPass_thoughJustAcknowledged() {
        broker.post("/topics", "{\"name\": \"audit\", \"config\": {\"segment-bytes\": \"1KiB\", \"retention-age\": \"1d\"}}");
        assertThatResponse(broker.post("/topics/audit/records",
                "{\"records\": [{\"value\": \"" + FILLER + "\", \"timestamp\": 1000}], \"waitForCommit\": true}"))
                .as("acknowledged after the commit").hasStatus(200);
        // A second batch does not fit the 1 KiB segment: the first one is rolled and closed, so retention may take it.
        assertThatResponse(broker.post("/topics/audit/records",
                "{\"records\": [{\"value\": \"" + FILLER + "\"}], \"waitForCommit\": true}")).hasStatus(200);

        // Any change of settings runs a retention pass at once (the scheduled pass would do the same later).
        assertThatResponse(broker.patch("/topics/audit", "{\"config\": {\"retention-age\": \"2d\"}}")).hasStatus(200);

        JsonNode read = json(broker.get("/topics/audit/partitions/0/records?offset=0"));
        assertThat(read.path("logStartOffset").asLong()).as("the record stamped 1970 is gone").isEqualTo(1);
        assertThat(read.path("records")).isEmpty();
        assertThat(read.path("nextOffset").asLong()).isEqualTo(1);
        JsonNode kept = json(broker.get("/topics/audit/partitions/0/records?offset=1"));
        assertThat(kept.path("records").findValuesAsText("value")).as("the record stamped now stays")
                .containsExactly(FILLER);
    }
}
