package io.tributary.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigSource;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.group.ConsumerGroups;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.service.BrokerService;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.format.BatchBuilder;
import io.tributary.format.CompressionCodec;
import io.tributary.format.RecordBatch;
import io.tributary.log.LogConfig;
import io.tributary.log.TestBatches;
import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the binary protocol answers requests that break the broker's limits, over a real socket on loopback. */
class BinaryProtocolLimitsTest {

    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TopicRegistry topics;
    private BrokerService service;
    private TcpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (topics != null) {
            topics.close();
        }
        scheduler.shutdownNow();
    }

    // ---------------------------------------------------------------- header count

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void produce_aRecordWithMoreHeadersThanTheLimit_isRecordTooLarge_namingTheRecord_andWritesNothing(
            CompressionCodec codec) throws Exception {
        start(config -> config);
        RecordBatch batch = BatchBuilder.create().compression(codec)
                .add(recordWithHeaders(0)).add(recordWithHeaders(65)).add(recordWithHeaders(1)).build();

        try (RawClient client = new RawClient(server.address())) {
            ProduceResponse.PartitionResult result = produceResult(client, "headers", batch);

            assertThat(result.errorCode()).isEqualTo(ErrorCode.RECORD_TOO_LARGE);
            assertThat(result.errorMessage()).contains("record 1 of the batch", "has 65 headers",
                    "tributary.broker.max-headers = 64", "raise the limit");
            assertThat(service.find("headers")).as("a refused batch creates no topic").isEmpty();
        }
    }

    @Test
    void produce_aSmallBatch_isCheckedForHeadersToo_notOnlyBatchesAboveTheRecordLimit() throws Exception {
        start(config -> config.withMaxHeaders(2));
        RecordBatch small = BatchBuilder.create().add(recordWithHeaders(3)).build();
        assertThat(small.sizeInBytes()).isLessThan((int) service.config().maxRecordBytes().bytes());

        try (RawClient client = new RawClient(server.address())) {
            ProduceResponse.PartitionResult result = produceResult(client, "small", small);

            assertThat(result.errorCode()).isEqualTo(ErrorCode.RECORD_TOO_LARGE);
            assertThat(result.errorMessage()).contains("record 0 of the batch", "has 3 headers",
                    "tributary.broker.max-headers = 2");
        }
    }

    @Test
    void produce_recordsAtTheHeaderLimit_areAppended() throws Exception {
        start(config -> config.withMaxHeaders(2));
        RecordBatch batch = BatchBuilder.create().add(recordWithHeaders(2)).add(recordWithHeaders(2)).build();

        try (RawClient client = new RawClient(server.address())) {
            ProduceResponse.PartitionResult result = produceResult(client, "at-limit", batch);

            assertThat(result.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(result.lastOffset()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- request size

    @Test
    void produce_largerThanMaxRequestBytes_isRequestTooLarge_andTheConnectionStaysUsable() throws Exception {
        start(config -> config.withMaxRecordBytes(ByteSize.ofKibibytes(64)).withMaxRequestBytes(ByteSize.ofKibibytes(64)));
        RecordBatch large = TestBatches.sized(2, 40 * 1024);

        try (RawClient client = new RawClient(server.address())) {
            DecodedResponse answer = client.call(produce("big", large));

            assertThat(answer).isInstanceOfSatisfying(DecodedResponse.Failure.class, failure -> {
                assertThat(failure.errorCode()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
                assertThat(failure.message()).contains("PRODUCE request of", "bytes exceeds",
                        "tributary.broker.max-request-bytes = 65536 bytes", "raise the limit");
            });
            assertThat(service.find("big")).isEmpty();
            ProduceResponse small = client.success(produce("big", TestBatches.of("fits")));
            assertThat(small.topics().getFirst().partitions().getFirst().errorCode()).isEqualTo(ErrorCode.NONE);
        }
    }

    @Test
    void aFrameAboveTheFrameLimit_closesTheConnection_evenThoughSmallerOversizedRequestsAreAnswered() throws Exception {
        start(config -> config.withMaxRecordBytes(ByteSize.ofKibibytes(64)).withMaxRequestBytes(ByteSize.ofKibibytes(64)));
        // The frame limit leaves room for the largest batch the log accepts plus 64 KiB.
        int frameLimit = (int) (service.config().log().maxBatchBytes().bytes() + (64 << 10));

        try (RawClient bad = new RawClient(server.address()); RawClient good = new RawClient(server.address())) {
            bad.writeRaw(ByteBuffer.allocate(8).putInt(frameLimit + 1).putInt(7).flip());
            assertThat(bad.isClosedByServer()).isTrue();

            assertThat(good.<MetadataResponse>success(MetadataRequest.ALL_TOPICS).clusterId()).isEqualTo("test-cluster");
        }
    }

    // ---------------------------------------------------------------- long polls

    @Test
    void fetch_whenThePartitionHasAsManyWaitingReadsAsAllowed_isTooManyWaitingReads_atOnce() throws Exception {
        start(config -> config.withLog(LogConfig.from(ConfigSource.of(Map.of(LogConfig.MAX_READ_WAITERS.name(), "1")))));
        try (RawClient client = new RawClient(server.address())) {
            client.success(produce("polled", TestBatches.of("first")));
            service.read("polled", 0, 1, 1, Duration.ofSeconds(30)); // takes the only waiting slot

            long start = System.nanoTime();
            FetchResponse fetched = client.success(new FetchRequest(10_000, 1 << 20, List.of(new FetchRequest.TopicData(
                    "polled", List.of(new FetchRequest.PartitionData(0, 1, 1 << 20))))));

            FetchResponse.PartitionData partition = fetched.topics().getFirst().partitions().getFirst();
            assertThat(partition.errorCode()).isEqualTo(ErrorCode.TOO_MANY_WAITING_READS);
            assertThat(partition.errorCode().retriable()).isTrue();
            assertThat(partition.nextOffset()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    private void start(UnaryOperator<BrokerConfig> settings) {
        BrokerConfig config = settings.apply(BrokerConfig.defaults(data).withPort(0).withHttpPort(0));
        topics = TopicRegistry.open(data, config.log(), PartitionFactory.local(scheduler));
        service = new BrokerService(topics, config, "test-cluster", ConsumerGroups.open(topics, config,
                InstantSource.system(), scheduler));
        server = TcpServer.start("127.0.0.1", 0, service, new SimpleMeterRegistry());
    }

    private static ProduceResponse.PartitionResult produceResult(RawClient client, String topic, RecordBatch batch)
            throws Exception {
        ProduceResponse response = client.success(produce(topic, batch));
        return response.topics().getFirst().partitions().getFirst();
    }

    private static ProduceRequest produce(String topic, RecordBatch batch) {
        return new ProduceRequest(true, 30_000, List.of(new ProduceRequest.TopicData(topic,
                List.of(new ProduceRequest.PartitionData(0, batch)))));
    }

    private static Record recordWithHeaders(int count) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            headers.add(new Header("h" + i, new byte[] {(byte) i}));
        }
        return new Record(null, headers, new byte[] {1, 2, 3}, 1_000L);
    }
}
