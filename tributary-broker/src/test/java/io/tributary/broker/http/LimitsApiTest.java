package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.Header;
import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.config.ConfigSource;
import io.tributary.broker.service.BrokerService;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import io.tributary.log.LogConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the HTTP API answers requests that meet the broker's limits: header counts, waiting reads. */
class LimitsApiTest {

    @TempDir
    Path data;

    private ApiFixture broker;

    @AfterEach
    void stop() {
        broker.close();
    }

    // ---------------------------------------------------------------- headers per record

    @Test
    void publish_aRecordWithMoreHeadersThanTheLimit_is413_namingTheRequestsRecord_theCountAndTheLimit() {
        broker = ApiFixture.start(data, config -> config.withMaxHeaders(2));

        assertThatResponse(broker.post("/topics/orders/records", """
                {"records": [{"value": "fine", "headers": {"a": "1"}},
                             {"value": "too many", "headers": {"a": "1", "b": "2", "c": "3"}}]}"""))
                .hasStatus(413).hasError("RECORD_TOO_LARGE")
                .hasMessageContaining("'records[1]'", "has 3 headers", "tributary.broker.max-headers = 2", "raise the limit");
        assertThatResponse(broker.get("/topics/orders")).as("a refused request creates no topic").hasStatus(404);
    }

    @Test
    void publish_aBadRecordForOnePartition_writesNothingToTheOthers() {
        broker = ApiFixture.start(data, config -> config.withMaxHeaders(2));
        broker.post("/topics", "{\"name\": \"payments\", \"partitions\": 2}");
        String keyOnPartition1 = keyOn(1, 2);

        assertThatResponse(broker.post("/topics/payments/records", """
                {"records": [{"value": "fine", "partition": 0},
                             {"key": "%s", "value": "bad", "headers": {"a": "1", "b": "2", "c": "3"}}]}"""
                .formatted(keyOnPartition1)))
                .hasStatus(413).hasMessageContaining("'records[1]'");
        assertThat(broker.service.state("payments", 0).endOffset()).isZero();
        assertThat(broker.service.state("payments", 1).endOffset()).isZero();
    }

    @Test
    void publish_recordsAtTheHeaderLimit_areStored() {
        broker = ApiFixture.start(data, config -> config.withMaxHeaders(2));

        assertThatResponse(broker.post("/topics/orders/records",
                "{\"records\": [{\"value\": \"v\", \"headers\": {\"a\": \"1\", \"b\": \"2\"}}]}")).hasStatus(200);
    }

    // ---------------------------------------------------------------- header encoding on read

    @Test
    void read_aRecordWhoseLaterHeaderIsBinary_showsEveryHeaderValueAsBase64() {
        broker = ApiFixture.start(data);
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
        broker.service.append("mixed", BrokerService.ANY_PARTITION, BatchBuilder.create()
                .add(new Record(null, List.of(new Header("text", "x".getBytes(StandardCharsets.UTF_8)),
                        new Header("blob", notUtf8)), "v".getBytes(StandardCharsets.UTF_8), 1L))
                .build(), AckLevel.COMMITTED, Duration.ofSeconds(10)).join();

        JsonNode record = json(broker.get("/topics/mixed/partitions/0/records?offset=0")).path("records").get(0);

        assertThat(record.path("headers").toString()).isEqualTo("{\"text\":\"eA==\",\"blob\":\"wyg=\"}");
        assertThat(record.path("headersEncoding").asText()).isEqualTo("base64");
    }

    // ---------------------------------------------------------------- waiting reads

    @Test
    void read_whenThePartitionHasAsManyWaitingReadsAsAllowed_is503_withRetryAfter() {
        broker = ApiFixture.start(data, config -> config.withLog(
                LogConfig.from(ConfigSource.of(Map.of(LogConfig.MAX_READ_WAITERS.name(), "1")))));
        broker.post("/topics", "{\"name\": \"polled\"}");
        broker.service.read("polled", 0, 0, 1, Duration.ofSeconds(30)); // takes the only waiting slot

        HttpResponse<String> refused = broker.get("/topics/polled/partitions/0/records?offset=0&waitMs=10000");

        assertThatResponse(refused).hasStatus(503).hasError("TOO_MANY_WAITING_READS")
                .hasMessageContaining("tributary.log.max-read-waiters = 1", "retry after a backoff");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThatResponse(broker.get("/topics/polled/partitions/0/records?offset=0"))
                .as("a read that does not wait needs no slot").hasStatus(200);
    }

    /** A key that murmur2 places on {@code partition} of {@code count}. */
    private static String keyOn(int partition, int count) {
        for (int i = 0; ; i++) {
            if (KeyPartitioner.partition(("k" + i).getBytes(StandardCharsets.UTF_8), count) == partition) {
                return "k" + i;
            }
        }
    }
}
