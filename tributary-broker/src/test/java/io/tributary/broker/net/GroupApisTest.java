package io.tributary.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.group.GroupConfig;
import io.tributary.log.TestBatches;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsRequest;
import io.tributary.protocol.message.FetchOffsetsResponse;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.GroupStateCode;
import io.tributary.protocol.message.LeaveGroupRequest;
import io.tributary.protocol.message.LeaveGroupResponse;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer-group apis on the wire, against a broker on loopback: answers, error codes, session expiry. */
class GroupApisTest {

    @TempDir
    Path data;

    private Broker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aMember_joinsCommitsAndIsDescribed_overTheWire() throws Exception {
        start(UnaryOperator.identity());
        try (RawClient client = new RawClient(broker.address())) {
            createTopic(client, "orders", 2);
            client.success(new ProduceRequest(true, 10_000, List.of(new ProduceRequest.TopicData("orders",
                    List.of(new ProduceRequest.PartitionData(0, TestBatches.of("a", "b", "c")))))));

            GroupHeartbeatResponse joined = client.success(join("billing", "m-1", "orders"));
            assertThat(joined.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(joined.memberId()).isEqualTo("m-1");
            assertThat(joined.assigned()).containsExactly(new TopicPartitions("orders", List.of(0, 1)));
            assertThat(joined.heartbeatIntervalMs()).isEqualTo(1000);

            CommitOffsetsResponse committed = client.success(new CommitOffsetsRequest("billing", "m-1",
                    joined.generation(), List.of(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 2))))));
            assertThat(committed).isEqualTo(CommitOffsetsResponse.OK);

            FetchOffsetsResponse fetched = client.success(new FetchOffsetsRequest("billing", List.of()));
            assertThat(fetched.offsets()).containsExactly(new TopicOffsets("orders",
                    List.of(new TopicOffsets.PartitionOffset(0, 2))));

            ListGroupsResponse listed = client.success(ListGroupsRequest.INSTANCE);
            assertThat(listed.groups()).containsExactly(new ListGroupsResponse.GroupListing("billing",
                    GroupStateCode.STABLE, 1, joined.generation()));

            DescribeGroupResponse described = client.success(new DescribeGroupRequest("billing"));
            assertThat(described.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(described.members()).singleElement().satisfies(member -> {
                assertThat(member.memberId()).isEqualTo("m-1");
                assertThat(member.clientId()).isEqualTo("raw-test");
                assertThat(member.owned()).containsExactly(new TopicPartitions("orders", List.of(0, 1)));
                assertThat(member.target()).containsExactly(new TopicPartitions("orders", List.of(0, 1)));
            });
            assertThat(described.partitions()).containsExactly(
                    new DescribeGroupResponse.PartitionProgress("orders", 0, "m-1", 2, 0, 3),
                    new DescribeGroupResponse.PartitionProgress("orders", 1, "m-1", DescribeGroupResponse.NO_OFFSET, 0, 0));
        }
    }

    @Test
    void aCommitPipelinedBeforeTheHeartbeatThatGivesThePartitionUp_isJudgedFirst() throws Exception {
        start(UnaryOperator.identity());
        try (RawClient client = new RawClient(broker.address())) {
            createTopic(client, "handover", 1);
            GroupHeartbeatResponse joined = client.success(join("handover", "leaving", "handover"));
            for (int round = 0; round < 50; round++) {
                CommitOffsetsRequest finalCommit = new CommitOffsetsRequest("handover", "leaving", joined.generation(),
                        List.of(new TopicOffsets("handover", List.of(new TopicOffsets.PartitionOffset(0, round + 1)))));
                GroupHeartbeatRequest givingUp = new GroupHeartbeatRequest("handover", "leaving", joined.generation(),
                        "raw-test", List.of("handover"), List.of());
                int commitId = client.send(finalCommit); // both leave before either is answered
                int heartbeatId = client.send(givingUp);

                CommitOffsetsResponse committed = (CommitOffsetsResponse) ((io.tributary.protocol.DecodedResponse.Success)
                        client.receive(finalCommit.apiKey(), commitId)).response();
                client.receive(givingUp.apiKey(), heartbeatId);
                assertThat(committed.errorCode()).as("round %d", round).isEqualTo(ErrorCode.NONE);
                client.success(join("handover", "leaving", "handover")); // take it back for the next round
                joined = client.success(new GroupHeartbeatRequest("handover", "leaving", joined.generation(), "raw-test",
                        List.of("handover"), List.of()));
            }
        }
    }

    @Test
    void aMemberWhoseSessionExpired_getsUnknownMember_onCommit() throws Exception {
        start(config -> config.withGroup(GroupConfig.defaults().withHeartbeatInterval(Duration.ofMillis(200))
                .withSessionTimeout(Duration.ofSeconds(1))));
        try (RawClient client = new RawClient(broker.address())) {
            createTopic(client, "orders", 1);
            GroupHeartbeatResponse joined = client.success(join("billing", "paused", "orders"));
            CommitOffsetsRequest commit = new CommitOffsetsRequest("billing", "paused", joined.generation(),
                    List.of(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 1)))));
            assertThat(((CommitOffsetsResponse) client.success(commit)).errorCode()).isEqualTo(ErrorCode.NONE);

            // no heartbeat: the member is paused past its session timeout of 1 s
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!((DescribeGroupResponse) client.success(new DescribeGroupRequest("billing"))).members().isEmpty()) {
                assertThat(System.nanoTime()).as("the session expired within 10 s").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            CommitOffsetsResponse late = client.success(commit);

            assertThat(late.errorCode()).isEqualTo(ErrorCode.UNKNOWN_MEMBER);
            assertThat(late.errorMessage()).contains("paused").contains("join again");
            GroupHeartbeatResponse heartbeat = client.success(new GroupHeartbeatRequest("billing", "paused",
                    joined.generation(), "raw-test", List.of("orders"), List.of(new TopicPartitions("orders", List.of(0)))));
            assertThat(heartbeat.errorCode()).isEqualTo(ErrorCode.UNKNOWN_MEMBER);
        }
    }

    @Test
    void leaveThenReset_movesTheOffsets_andAResetOfAGroupWithMembersIsRefused() throws Exception {
        start(UnaryOperator.identity());
        try (RawClient client = new RawClient(broker.address())) {
            createTopic(client, "orders", 1);
            client.success(new ProduceRequest(true, 10_000, List.of(new ProduceRequest.TopicData("orders",
                    List.of(new ProduceRequest.PartitionData(0, TestBatches.of("a", "b")))))));
            client.success(join("billing", "m-1", "orders"));

            ResetOffsetsResponse refused = client.success(new ResetOffsetsRequest("billing", "orders",
                    ResetOffsetsRequest.LATEST, 0));
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.GROUP_NOT_EMPTY);

            assertThat((LeaveGroupResponse) client.success(new LeaveGroupRequest("billing", "m-1")))
                    .isEqualTo(LeaveGroupResponse.OK);
            ResetOffsetsResponse reset = client.success(new ResetOffsetsRequest("billing", "orders",
                    ResetOffsetsRequest.LATEST, 0));

            assertThat(reset.errorCode()).isEqualTo(ErrorCode.NONE);
            assertThat(reset.offsets()).containsExactly(new TopicOffsets("orders",
                    List.of(new TopicOffsets.PartitionOffset(0, 2))));
            assertThat(((ListGroupsResponse) client.success(ListGroupsRequest.INSTANCE)).groups())
                    .containsExactly(new ListGroupsResponse.GroupListing("billing", GroupStateCode.EMPTY, 0, 0));
        }
    }

    @Test
    void requestValuesTheRecordsRefuse_areAnsweredWithTheirCodes_andTheConnectionStays() throws Exception {
        start(UnaryOperator.identity());
        try (RawClient client = new RawClient(broker.address())) {
            assertThat(((GroupHeartbeatResponse) client.success(join("no spaces", "m-1", "orders"))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_GROUP_NAME);
            assertThat(((GroupHeartbeatResponse) client.success(join("billing", "", "orders"))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_REQUEST);
            GroupHeartbeatResponse negativePartition = client.success(new GroupHeartbeatRequest("billing", "m-1", 0,
                    "raw-test", List.of("orders"), List.of(new TopicPartitions("orders", List.of(-1)))));
            assertThat(negativePartition.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(negativePartition.errorMessage()).contains("-1");
            ResetOffsetsResponse badKind = client.success(new ResetOffsetsRequest("billing", null, (byte) 9, 0));
            assertThat(badKind.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(badKind.errorMessage()).contains("ResetOffsetsRequest.kind 9");
            CommitOffsetsResponse noOffsets = client.success(new CommitOffsetsRequest("billing", "m-1", 1, List.of()));
            assertThat(noOffsets.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            DescribeGroupResponse unknown = client.success(new DescribeGroupRequest("nobody"));
            assertThat(unknown.errorCode()).isEqualTo(ErrorCode.UNKNOWN_GROUP);
            ResetOffsetsResponse missingTopic = client.success(new ResetOffsetsRequest("billing", "ghost",
                    ResetOffsetsRequest.EARLIEST, 0));
            assertThat(missingTopic.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TOPIC);
        }
    }

    @Test
    void anInvalidGroupName_isAnsweredWithInvalidGroupName_byEveryGroupApi() throws Exception {
        start(UnaryOperator.identity());
        try (RawClient client = new RawClient(broker.address())) {
            assertThat(((LeaveGroupResponse) client.success(new LeaveGroupRequest("no spaces", "m-1"))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_GROUP_NAME);
            assertThat(((DescribeGroupResponse) client.success(new DescribeGroupRequest("no spaces"))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_GROUP_NAME);
            FetchOffsetsResponse fetched = client.success(new FetchOffsetsRequest("no spaces",
                    List.of(new TopicPartitions("orders", List.of(-1)))));
            assertThat(fetched.errorCode()).as("the name is judged before the partitions")
                    .isEqualTo(ErrorCode.INVALID_GROUP_NAME);
            assertThat(((ResetOffsetsResponse) client.success(new ResetOffsetsRequest("no spaces", null, (byte) 9, 0)))
                    .errorCode()).isEqualTo(ErrorCode.INVALID_GROUP_NAME);
        }
    }

    private void start(UnaryOperator<BrokerConfig> configure) {
        broker = Broker.start(configure.apply(BrokerConfig.defaults(data).withPort(0).withHttpPort(0)));
    }

    private static void createTopic(RawClient client, String topic, int partitions) throws Exception {
        assertThat((CreateTopicResponse) client.success(new CreateTopicRequest(topic, partitions, Map.of())))
                .isEqualTo(CreateTopicResponse.OK);
    }

    private static GroupHeartbeatRequest join(String group, String memberId, String topic) {
        return new GroupHeartbeatRequest(group, memberId, 0, "raw-test", List.of(topic), List.of());
    }
}
