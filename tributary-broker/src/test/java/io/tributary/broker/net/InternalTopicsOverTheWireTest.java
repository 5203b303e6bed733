package io.tributary.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.log.TestBatches;
import io.tributary.protocol.message.AlterTopicRequest;
import io.tributary.protocol.message.AlterTopicResponse;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DeleteTopicRequest;
import io.tributary.protocol.message.DeleteTopicResponse;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over the binary protocol, internal topics (names starting with __) can be read, not created, produced to, altered or deleted. */
class InternalTopicsOverTheWireTest {

    private static final String OFFSETS = "__consumer_offsets";

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
    void create_ofANameStartingWithTwoUnderscores_isAPolicyViolation() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            CreateTopicResponse created = client.success(new CreateTopicRequest("__mine", 1, Map.of()));

            assertThat(created.errorCode()).isEqualTo(ErrorCode.POLICY_VIOLATION);
            assertThat(created.errorMessage()).contains("names starting with __ are the broker's internal topics");
        }
    }

    @Test
    void produce_toAnInternalTopic_isAPolicyViolation() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            ProduceResponse produced = client.success(new ProduceRequest(true, 10_000, List.of(new ProduceRequest.TopicData(
                    OFFSETS, List.of(new ProduceRequest.PartitionData(0, TestBatches.of("forged offset")))))));

            ProduceResponse.PartitionResult result = produced.topics().getFirst().partitions().getFirst();
            assertThat(result.errorCode()).isEqualTo(ErrorCode.POLICY_VIOLATION);
            assertThat(result.errorMessage()).contains("reset offsets with `tributary group reset`");
        }
    }

    @Test
    void alterAndDelete_ofConsumerOffsets_arePolicyViolations() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            AlterTopicResponse altered = client.success(new AlterTopicRequest(OFFSETS, Map.of("retention-age", "1h")));
            DeleteTopicResponse deleted = client.success(new DeleteTopicRequest(OFFSETS));

            assertThat(altered.errorCode()).isEqualTo(ErrorCode.POLICY_VIOLATION);
            assertThat(altered.errorMessage()).isEqualTo("cannot alter __consumer_offsets: __consumer_offsets holds"
                    + " committed group offsets; reset offsets with `tributary group reset`");
            assertThat(deleted.errorCode()).isEqualTo(ErrorCode.POLICY_VIOLATION);
            assertThat(deleted.errorMessage()).contains("holds committed group offsets");
        }
    }

    @Test
    void consumerOffsets_canBeReadAndDescribedByName_butIsLeftOutOfTheUnnamedLists() throws Exception {
        try (RawClient client = new RawClient(broker.address())) {
            FetchResponse fetched = client.success(new FetchRequest(0, 1 << 20, List.of(new FetchRequest.TopicData(OFFSETS,
                    List.of(new FetchRequest.PartitionData(0, 0, 1 << 20))))));
            DescribeTopicsResponse named = client.success(new DescribeTopicsRequest(List.of(OFFSETS)));
            DescribeTopicsResponse all = client.success(new DescribeTopicsRequest(List.of()));
            MetadataResponse metadata = client.success(new MetadataRequest(List.of()));
            MetadataResponse namedMetadata = client.success(new MetadataRequest(List.of(OFFSETS)));

            assertThat(fetched.topics().getFirst().partitions().getFirst().errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(named.topics()).singleElement().satisfies(topic -> assertThat(topic.errorCode()).isEqualTo(ErrorCode.NONE));
            assertThat(all.topics()).isEmpty();
            assertThat(metadata.topics()).isEmpty();
            assertThat(namedMetadata.topics()).singleElement()
                    .satisfies(topic -> assertThat(topic.partitions()).hasSize(1));
        }
    }
}
