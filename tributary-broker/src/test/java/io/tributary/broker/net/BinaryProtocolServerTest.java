package io.tributary.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.format.RecordBatch;
import io.tributary.log.TestBatches;
import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as a client of the binary protocol sees it, over a real socket on loopback. */
class BinaryProtocolServerTest {

    @TempDir
    Path data;

    private Broker broker;

    @BeforeEach
    void start() {
        broker = Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void produceThenFetch_returnsTheBatchWithItsOffsets() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            ProduceResponse produced = client.success(produce("orders", 0, true, TestBatches.of("a", "b", "c")));
            ProduceResponse.PartitionResult result = produced.topics().getFirst().partitions().getFirst();
            assertThat(result.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(result.baseOffset()).isZero();
            assertThat(result.lastOffset()).isEqualTo(2);

            FetchResponse fetched = client.success(fetch("orders", 0, 1, 0));
            FetchResponse.PartitionData partition = fetched.topics().getFirst().partitions().getFirst();
            assertThat(partition.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(partition.nextOffset()).isEqualTo(3);
            assertThat(partition.committedEndOffset()).isEqualTo(3);
            assertThat(partition.batches()).singleElement()
                    .satisfies(batch -> assertThat(TestBatches.values(batch)).containsExactly("a", "b", "c"));
        }
    }

    @Test
    void fetchAtTheEnd_waitsUntilAnotherConnectionProduces() throws Exception {
        try (RawClient consumer = new RawClient(broker.address()); RawClient producer = new RawClient(broker.address())) {
            producer.success(produce("events", 0, true, TestBatches.of("first")));

            int correlationId = consumer.send(fetch("events", 0, 1, 10_000));
            CompletableFuture<DecodedResponse> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return consumer.receive(ApiKey.FETCH, correlationId);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(answer).isNotDone();
            producer.success(produce("events", 0, true, TestBatches.of("second")));

            FetchResponse woken = (FetchResponse) ((DecodedResponse.Success) answer.join()).response();
            FetchResponse.PartitionData partition = woken.topics().getFirst().partitions().getFirst();
            assertThat(TestBatches.values(partition.batches().getFirst())).containsExactly("second");
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInRequestOrder() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            int first = client.send(produce("pipelined", 0, true, TestBatches.of("1")));
            int second = client.send(fetch("pipelined", 0, 0, 0));
            int third = client.send(produce("pipelined", 0, false, TestBatches.of("2")));

            assertThat(client.receive(ApiKey.PRODUCE, first)).isInstanceOf(DecodedResponse.Success.class);
            assertThat(client.receive(ApiKey.FETCH, second)).isInstanceOf(DecodedResponse.Success.class);
            ProduceResponse last = (ProduceResponse) ((DecodedResponse.Success) client.receive(ApiKey.PRODUCE, third))
                    .response();
            assertThat(last.topics().getFirst().partitions().getFirst().baseOffset()).isEqualTo(1);
        }
    }

    @Test
    void idempotentRetry_returnsTheOriginalOffsets() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            RecordBatch batch = TestBatches.idempotent(42, (short) 0, 0, "once");
            client.success(produce("payments", 0, true, TestBatches.of("before")));
            ProduceResponse original = client.success(produce("payments", 0, true, TestBatches.copyOf(batch)));
            ProduceResponse retried = client.success(produce("payments", 0, true, TestBatches.copyOf(batch)));

            assertThat(retried.topics().getFirst().partitions().getFirst().baseOffset())
                    .isEqualTo(original.topics().getFirst().partitions().getFirst().baseOffset())
                    .isEqualTo(1);
            EndOffsetResponse end = client.success(new EndOffsetRequest("payments", 0));
            assertThat(end.committedEndOffset()).isEqualTo(2);
        }
    }

    @Test
    void fetchBelowTheLogStart_answersOutOfRangeWithTheFirstOffset() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            client.success(produce("short", 0, true, TestBatches.of("x")));
            FetchResponse fetched = client.success(fetch("short", 0, -5, 0));
            FetchResponse.PartitionData partition = fetched.topics().getFirst().partitions().getFirst();
            assertThat(partition.errorCode()).isEqualTo(ErrorCode.OFFSET_OUT_OF_RANGE);
            assertThat(partition.nextOffset()).isZero();
            assertThat(partition.batches()).isEmpty();
        }
    }

    @Test
    void topics_createDescribeAndMetadata() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            CreateTopicResponse created = client.success(new CreateTopicRequest("clicks", 3, Map.of("durability", "os")));
            assertThat(created.errorCode()).isEqualTo(ErrorCode.NONE);
            CreateTopicResponse again = client.success(new CreateTopicRequest("clicks", 3, Map.of()));
            assertThat(again.errorCode()).isEqualTo(ErrorCode.TOPIC_ALREADY_EXISTS);
            CreateTopicResponse badSetting = client.success(new CreateTopicRequest("other", 1, Map.of("colour", "red")));
            assertThat(badSetting.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(badSetting.errorMessage()).contains("colour");
            CreateTopicResponse forgedCount = client.success(new CreateTopicRequest("other", 1, Map.of("partitions", "7")));
            assertThat(forgedCount.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG);

            DescribeTopicsResponse described = client.success(new DescribeTopicsRequest(List.of("clicks", "nope")));
            assertThat(described.topics()).hasSize(2);
            assertThat(described.topics().get(0).configs()).containsEntry("durability", "os");
            assertThat(described.topics().get(0).partitions()).hasSize(3);
            assertThat(described.topics().get(1).errorCode()).isEqualTo(ErrorCode.UNKNOWN_TOPIC);

            MetadataResponse metadata = client.success(MetadataRequest.ALL_TOPICS);
            assertThat(metadata.clusterId()).isEqualTo(broker.clusterId());
            assertThat(metadata.nodes()).singleElement().satisfies(node -> assertThat(node.port())
                    .isEqualTo(broker.address().getPort()));
            assertThat(metadata.topics()).singleElement().satisfies(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void malformedFrame_closesOnlyThatConnection() throws Exception {
        try (RawClient bad = new RawClient(broker.address()); RawClient good = new RawClient(broker.address())) {
            bad.writeRaw(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(7).flip());
            assertThat(bad.isClosedByServer()).isTrue();

            MetadataResponse metadata = good.success(MetadataRequest.ALL_TOPICS);
            assertThat(metadata.clusterId()).isEqualTo(broker.clusterId());
        }
    }

    @Test
    void unknownApi_isAnsweredWithAnErrorAndTheConnectionStaysUsable() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            ByteBuffer frame = ByteBuffer.allocate(4 + 10).putInt(10).putShort((short) 999).putShort((short) 1)
                    .putInt(77).putShort((short) -1).flip();
            client.writeRaw(frame);
            DecodedResponse answer = client.receive(ApiKey.METADATA, 77);
            assertThat(answer).isInstanceOfSatisfying(DecodedResponse.Failure.class,
                    failure -> assertThat(failure.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_API));

            assertThat(client.<MetadataResponse>success(MetadataRequest.ALL_TOPICS).clusterId())
                    .isEqualTo(broker.clusterId());
        }
    }

    @Test
    void autoCreateOff_produceToAnUnknownTopicIsUnknownTopic() throws Exception {
        broker.close();
        broker = Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0).withAutoCreateTopics(false));
        try (RawClient client = new RawClient(broker.address())) {
            ProduceResponse produced = client.success(produce("ghost", 0, true, TestBatches.of("x")));
            ProduceResponse.PartitionResult result = produced.topics().getFirst().partitions().getFirst();
            assertThat(result.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TOPIC);
            assertThat(result.errorMessage()).contains("auto-create-topics");
        }
    }

    @Test
    void theHttpApiServesTheSameTopics() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            client.success(produce("shared", 0, true, TestBatches.of("over tcp")));
        }
        java.net.http.HttpResponse<String> read = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + broker.httpAddress().getPort()
                        + "/topics/shared/partitions/0/records?offset=0")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("over tcp");
    }

    private static ProduceRequest produce(String topic, int partition, boolean waitForCommit, RecordBatch batch) {
        return new ProduceRequest(waitForCommit, 30_000, List.of(new ProduceRequest.TopicData(topic,
                List.of(new ProduceRequest.PartitionData(partition, batch)))));
    }

    private static FetchRequest fetch(String topic, int partition, long offset, int maxWaitMs) {
        return new FetchRequest(maxWaitMs, 1 << 20, List.of(new FetchRequest.TopicData(topic,
                List.of(new FetchRequest.PartitionData(partition, offset, 1 << 20)))));
    }
}
