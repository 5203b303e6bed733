package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.Header;
import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.config.ByteSize;
import io.tributary.broker.service.BrokerService;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
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

class PublishAndReadTest {

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

    // ---------------------------------------------------------------- publish, then read

    @Test
    void publish_thenRead_returnsTheRecordsInOrderWithTheirOffsets() {
        HttpResponse<String> published = broker.post("/topics/orders/records", """
                {"records": [
                  {"key": "order-1", "value": "created", "headers": {"source": "shop"}},
                  {"key": "order-1", "value": "paid"}
                ]}""");

        assertThatResponse(published).hasStatus(200);
        assertThat(json(published).toString())
                .isEqualTo("{\"offsets\":[{\"partition\":0,\"offset\":0},{\"partition\":0,\"offset\":1}]}");

        HttpResponse<String> read = broker.get("/topics/orders/partitions/0/records?offset=0");

        JsonNode body = assertThatResponse(read).hasStatus(200).json();
        assertThat(body.path("records")).hasSize(2);
        JsonNode first = body.path("records").get(0);
        assertThat(first.path("offset").asLong()).isZero();
        assertThat(first.path("key").asText()).isEqualTo("order-1");
        assertThat(first.path("value").asText()).isEqualTo("created");
        assertThat(first.path("headers").path("source").asText()).isEqualTo("shop");
        assertThat(first.path("timestamp").asLong()).isPositive();
        assertThat(body.path("records").get(1).path("value").asText()).isEqualTo("paid");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(2);
        assertThat(body.path("logStartOffset").asLong()).isZero();
        assertThat(body.path("committedEndOffset").asLong()).isEqualTo(2);
    }

    @Test
    void publish_aJsonValue_storesItsJsonText() {
        broker.post("/topics/orders/records", """
                {"records": [{"value": {"total": 12.50, "items": [1, 2]}}, {"value": 7}, {"value": null}]}""");

        JsonNode records = json(broker.get("/topics/orders/partitions/0/records?offset=0")).path("records");

        assertThat(records.get(0).path("value").asText()).isEqualTo("{\"total\":12.50,\"items\":[1,2]}");
        assertThat(records.get(1).path("value").asText()).isEqualTo("7");
        assertThat(records.get(2).path("value").asText()).isEqualTo("null");
        assertThat(records.get(0).path("key").isNull()).isTrue();
    }

    @Test
    void publish_base64Value_storesTheBytes_andReadGivesThemBackAsBase64() {
        broker.post("/topics/blobs/records", """
                {"records": [{"value": "/wAB", "valueEncoding": "base64"}]}""");

        assertThat(broker.service.read("blobs", 0, 0, 1024, Duration.ZERO).join())
                .isInstanceOfSatisfying(ReadResult.Records.class, found ->
                        assertThat(recordsOf(found).getFirst().value()).containsExactly(0xff, 0x00, 0x01));
        JsonNode record = json(broker.get("/topics/blobs/partitions/0/records?offset=0")).path("records").get(0);
        assertThat(record.path("value").asText()).isEqualTo("/wAB");
        assertThat(record.path("valueEncoding").asText()).isEqualTo("base64");
    }

    @Test
    void read_ofRecordsThatAreNotUtf8_flagsTheirEncoding() {
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
        broker.service.append("binary", BrokerService.ANY_PARTITION, BatchBuilder.create()
                        .add(new Record(notUtf8, List.of(new Header("h", notUtf8), new Header("h", new byte[] {'x'})),
                                "text".getBytes(StandardCharsets.UTF_8), 1L))
                        .build(), AckLevel.COMMITTED, Duration.ofSeconds(10)).join();

        JsonNode record = json(broker.get("/topics/binary/partitions/0/records?offset=0")).path("records").get(0);

        assertThat(record.path("key").asText()).isEqualTo("wyg=");
        assertThat(record.path("keyEncoding").asText()).isEqualTo("base64");
        assertThat(record.path("value").asText()).isEqualTo("text");
        assertThat(record.has("valueEncoding")).isFalse();
        assertThat(record.path("headers").path("h").toString()).isEqualTo("[\"wyg=\",\"eA==\"]");
        assertThat(record.path("headersEncoding").asText()).isEqualTo("base64");
    }

    @Test
    void publish_keyedRecords_landOnTheirKeysPartitions_inOneBatchPerPartition() {
        broker.post("/topics", "{\"name\": \"payments\", \"partitions\": 3}");

        JsonNode offsets = json(broker.post("/topics/payments/records", """
                {"records": [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}, {"key": "a", "value": "3"},
                             {"value": "unkeyed", "partition": 2}]}""")).path("offsets");

        int partitionOfA = KeyPartitioner.partition("a".getBytes(StandardCharsets.UTF_8), 3);
        int partitionOfB = KeyPartitioner.partition("b".getBytes(StandardCharsets.UTF_8), 3);
        assertThat(offsets.get(0).path("partition").asInt()).isEqualTo(partitionOfA);
        assertThat(offsets.get(1).path("partition").asInt()).isEqualTo(partitionOfB);
        assertThat(offsets.get(2).path("partition").asInt()).isEqualTo(partitionOfA);
        assertThat(offsets.get(2).path("offset").asLong()).isEqualTo(offsets.get(0).path("offset").asLong() + 1);
        assertThat(offsets.get(3).path("partition").asInt()).isEqualTo(2);
    }

    @Test
    void publish_toATopicThatDoesNotExist_createsIt() {
        assertThatResponse(broker.post("/topics/fresh/records", "{\"records\": [{\"value\": \"v\"}]}")).hasStatus(200);

        JsonNode topic = json(broker.get("/topics/fresh"));
        assertThat(topic.path("config").path("auto-created").asText()).isEqualTo("true");
        assertThat(topic.path("partitionStates").get(0).path("committedEndOffset").asLong()).isEqualTo(1);
    }

    @Test
    void publish_toATopicThatDoesNotExist_withAutoCreationOff_is404() {
        broker.close();
        broker = ApiFixture.start(data, config -> config.withAutoCreateTopics(false));

        assertThatResponse(broker.post("/topics/fresh/records", "{\"records\": [{\"value\": \"v\"}]}"))
                .hasStatus(404).hasError("UNKNOWN_TOPIC").hasMessageContaining("tributary.broker.auto-create-topics");
    }

    @Test
    void publish_toAPartitionTheTopicLacks_is404_andWritesNothing() {
        broker.post("/topics", "{\"name\": \"orders\", \"partitions\": 1}");

        assertThatResponse(broker.post("/topics/orders/records", """
                {"records": [{"value": "fine"}, {"value": "lost", "partition": 4}]}"""))
                .hasStatus(404).hasError("UNKNOWN_PARTITION");
        assertThat(broker.service.state("orders", 0).endOffset()).isZero();
    }

    @Test
    void publish_withoutWaitingForCommit_answersWithTheOffsets() {
        JsonNode offsets = json(broker.post("/topics/orders/records",
                "{\"records\": [{\"value\": \"v\"}], \"waitForCommit\": false}")).path("offsets");

        assertThat(offsets.get(0).path("offset").asLong()).isZero();
    }

    @Test
    void publish_aRecordAboveTheRecordLimit_is413() {
        broker.close();
        broker = ApiFixture.start(data, config -> config.withMaxRecordBytes(ByteSize.ofBytes(10)));

        assertThatResponse(broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"more than ten bytes\"}]}"))
                .hasStatus(413).hasError("RECORD_TOO_LARGE")
                .hasMessageContaining("tributary.broker.max-record-bytes");
    }

    // ---------------------------------------------------------------- read

    @Test
    void read_fromTheMiddleOfABatch_skipsTheRecordsBelowTheOffset_andStopsAtMaxRecords() {
        broker.post("/topics/orders/records", """
                {"records": [{"value": "0"}, {"value": "1"}, {"value": "2"}, {"value": "3"}, {"value": "4"}]}""");

        JsonNode body = json(broker.get("/topics/orders/partitions/0/records?offset=1&maxRecords=2"));

        assertThat(body.path("records").findValuesAsText("value")).containsExactly("1", "2");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(3);
    }

    @Test
    void read_atTheEnd_withoutWaiting_answersNoRecords_andTheSameOffset() {
        broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"0\"}]}");

        JsonNode body = json(broker.get("/topics/orders/partitions/0/records?offset=1"));

        assertThat(body.path("records")).isEmpty();
        assertThat(body.path("nextOffset").asLong()).isEqualTo(1);
    }

    @Test
    void read_longPoll_wakesWhenARecordIsPublishedFromAnotherThread() throws Exception {
        broker.post("/topics", "{\"name\": \"orders\"}");
        CompletableFuture<HttpResponse<String>> poll = broker.getAsync("/topics/orders/partitions/0/records?offset=0&waitMs=30000");
        assertThatThrownBy(() -> poll.get(300, TimeUnit.MILLISECONDS))
                .as("the read waits while the partition is empty").isInstanceOf(TimeoutException.class);

        CompletableFuture.runAsync(() -> broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"late\"}]}"));

        JsonNode body = json(poll.get(10, TimeUnit.SECONDS));
        assertThat(body.path("records").findValuesAsText("value")).containsExactly("late");
        assertThat(body.path("nextOffset").asLong()).isEqualTo(1);
    }

    @Test
    void read_longPoll_endsWhenTheApiCloses() throws Exception {
        broker.post("/topics", "{\"name\": \"orders\"}");
        CompletableFuture<HttpResponse<String>> poll = broker.getAsync("/topics/orders/partitions/0/records?offset=0&waitMs=30000");
        assertThatThrownBy(() -> poll.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        broker.api.close();

        JsonNode body = json(poll.get(5, TimeUnit.SECONDS));
        assertThat(body.path("records")).isEmpty();
        assertThat(body.path("nextOffset").asLong()).isZero();
    }

    @Test
    void read_pastTheEnd_isOffsetOutOfRange() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.get("/topics/orders/partitions/0/records?offset=5"))
                .hasStatus(400).hasError("OFFSET_OUT_OF_RANGE");
    }

    @Test
    void read_ofAnUnknownTopicOrPartition_is404() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.get("/topics/nothing/partitions/0/records?offset=0")).hasStatus(404).hasError("UNKNOWN_TOPIC");
        assertThatResponse(broker.get("/topics/orders/partitions/7/records?offset=0")).hasStatus(404).hasError("UNKNOWN_PARTITION");
    }

    @Test
    void read_withBadQueryParameters_is400NamingThem() {
        broker.post("/topics", "{\"name\": \"orders\"}");

        assertThatResponse(broker.get("/topics/orders/partitions/0/records")).hasStatus(400).hasMessageContaining("offset");
        assertThatResponse(broker.get("/topics/orders/partitions/0/records?offset=")).hasStatus(400)
                .hasMessageContaining("offset is required");
        assertThatResponse(broker.get("/topics/orders/partitions/0/records?offset=0&maxRecords=0"))
                .hasStatus(400).hasError("INVALID_REQUEST").hasMessageContaining("maxRecords", "1 to 10000");
        assertThatResponse(broker.get("/topics/orders/partitions/x/records?offset=0")).hasStatus(400).hasMessageContaining("partition");
    }

    private static List<Record> recordsOf(ReadResult.Records found) {
        try {
            return found.slice().batches().getFirst().records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
