package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.api.TributaryException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ClientOptions;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.ConnectionString;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.client.TimedOutException;
import io.tributary.client.TributaryClient;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupLimitException;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.GroupState;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.InvalidGroupNameException;
import io.tributary.group.MemberDescription;
import io.tributary.group.OffsetReset;
import io.tributary.group.PartitionProgress;
import io.tributary.group.UnknownGroupException;
import io.tributary.group.UnknownMemberException;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.GroupStateCode;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code TributaryClient.groups()} against a scripted node: what goes on the wire, how answers become the
 * group records, which broker errors become which exceptions, and which calls are sent again when the
 * connection is lost. The semantics themselves are the contract suite's ({@code RemoteGroupCoordinatorTest}).
 */
class RemoteGroupCallsTest {

    private static final ClientOptions FAST = ClientOptions.defaults().withCallTimeout(Duration.ofSeconds(3))
            .withConnectTimeout(Duration.ofSeconds(1));
    private static final Heartbeat JOIN = Heartbeat.join("billing", "member-1", "worker@host/1", List.of("orders"));
    private static final Commit COMMIT = new Commit("billing", "member-1", 3,
            Map.of(TopicPartition.of("orders", 0), 42L, TopicPartition.of("orders", 1), 7L));

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
    }

    @Test
    void heartbeat_sendsTheMembersView_andReturnsTheAssignment() {
        StubNode node = node(request -> StubNode.Reply.answer(new GroupHeartbeatResponse(ErrorCode.NONE, null, "member-1",
                4, 100, List.of(new TopicPartitions("orders", List.of(0, 2))))));
        Heartbeat heartbeat = new Heartbeat("billing", "member-1", 3, "worker@host/1", List.of("orders"),
                Set.of(TopicPartition.of("orders", 2), TopicPartition.of("orders", 1)));

        Assignment assignment = groups(node).heartbeat(heartbeat);

        assertThat(assignment).isEqualTo(new Assignment("member-1", 4,
                Set.of(TopicPartition.of("orders", 0), TopicPartition.of("orders", 2)), Duration.ofMillis(100)));
        assertThat(received(node, GroupHeartbeatRequest.class)).containsExactly(new GroupHeartbeatRequest("billing",
                "member-1", 3, "worker@host/1", List.of("orders"), List.of(new TopicPartitions("orders", List.of(1, 2)))));
    }

    @Test
    void commit_sendsEveryOffsetByTopic() {
        StubNode node = node(request -> StubNode.Reply.answer(CommitOffsetsResponse.OK));

        groups(node).commit(COMMIT);

        assertThat(received(node, CommitOffsetsRequest.class)).containsExactly(new CommitOffsetsRequest("billing",
                "member-1", 3, List.of(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 42),
                        new TopicOffsets.PartitionOffset(1, 7))))));
    }

    static Stream<Arguments> groupErrors() {
        return Stream.of(
                Arguments.of(ErrorCode.UNKNOWN_MEMBER, UnknownMemberException.class),
                Arguments.of(ErrorCode.FENCED_MEMBER, FencedMemberException.class),
                Arguments.of(ErrorCode.UNKNOWN_GROUP, UnknownGroupException.class),
                Arguments.of(ErrorCode.GROUP_NOT_EMPTY, GroupNotEmptyException.class),
                Arguments.of(ErrorCode.INVALID_GROUP_NAME, InvalidGroupNameException.class),
                Arguments.of(ErrorCode.GROUP_LIMIT_REACHED, GroupLimitException.class),
                Arguments.of(ErrorCode.UNKNOWN_TOPIC, TopicNotFoundException.class),
                Arguments.of(ErrorCode.INVALID_REQUEST, BrokerErrorException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("groupErrors")
    void anErrorInTheAnswer_arrivesAsItsGroupException_withTheBrokersMessage(ErrorCode code,
            Class<? extends TributaryException> expected) {
        StubNode node = node(request -> StubNode.Reply.answer(new CommitOffsetsResponse(code, "the broker says why")));

        assertThatThrownBy(() -> groups(node).commit(COMMIT))
                .isInstanceOf(expected)
                .hasMessageContaining("the broker says why")
                .hasMessageContaining("group billing")
                .hasMessageContaining(code.name());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("groupErrors")
    void anErrorInTheHeader_arrivesAsTheSameException(ErrorCode code, Class<? extends TributaryException> expected) {
        StubNode node = node(request -> new StubNode.Reply.Error(code, "refused as a whole"));

        assertThatThrownBy(() -> groups(node).heartbeat(JOIN))
                .isInstanceOf(expected)
                .hasMessageContaining("refused as a whole");
    }

    @Test
    void heartbeat_whoseConnectionIsLost_isSentAgainWithinTheCallTimeout() {
        AtomicInteger heartbeats = new AtomicInteger();
        StubNode node = node(request -> heartbeats.incrementAndGet() == 1 ? new StubNode.Reply.Hangup()
                : StubNode.Reply.answer(new GroupHeartbeatResponse(ErrorCode.NONE, null, "member-1", 1, 1000, List.of())));

        Assignment assignment = groups(node).heartbeat(JOIN);

        assertThat(assignment.generation()).isEqualTo(1);
        assertThat(received(node, GroupHeartbeatRequest.class)).hasSize(2);
    }

    @Test
    void commit_whoseConnectionIsLost_isSentAgain() {
        AtomicInteger commits = new AtomicInteger();
        StubNode node = node(request -> commits.incrementAndGet() == 1 ? new StubNode.Reply.Hangup()
                : StubNode.Reply.answer(CommitOffsetsResponse.OK));

        groups(node).commit(COMMIT);

        assertThat(received(node, CommitOffsetsRequest.class)).hasSize(2).first().isEqualTo(
                received(node, CommitOffsetsRequest.class).getLast());
    }

    @Test
    void resetOffsets_whoseConnectionIsLost_isNotSentAgain() {
        StubNode node = node(request -> new StubNode.Reply.Hangup());

        assertThatThrownBy(() -> groups(node).resetOffsets("billing", "orders", OffsetReset.earliest()))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(received(node, ResetOffsetsRequest.class)).hasSize(1);
    }

    @Test
    void heartbeat_thatIsNeverAnswered_failsAtTheCallTimeout() {
        StubNode node = node(request -> new StubNode.Reply.Silence());
        GroupCoordinator groups = groups(node);
        long start = System.nanoTime();

        assertThatThrownBy(() -> groups.heartbeat(JOIN))
                .isInstanceOfAny(NoNodesAvailableException.class, TimedOutException.class)
                .hasMessageContaining("call-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the call timeout of 3 s")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void resetOffsets_sendsTheKindAndValueOfEachPosition() {
        StubNode node = node(request -> StubNode.Reply.answer(new ResetOffsetsResponse(ErrorCode.NONE, null,
                List.of(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 5)))))));
        GroupCoordinator groups = groups(node);
        Instant time = Instant.parse("2026-11-30T08:00:00Z");

        Map<TopicPartition, Long> reset = groups.resetOffsets("billing", "orders", OffsetReset.offset(5));
        groups.resetOffsets("billing", null, OffsetReset.earliest());
        groups.resetOffsets("billing", null, OffsetReset.latest());
        groups.resetOffsets("billing", "orders", OffsetReset.time(time));

        assertThat(reset).isEqualTo(Map.of(TopicPartition.of("orders", 0), 5L));
        assertThat(received(node, ResetOffsetsRequest.class)).containsExactly(
                new ResetOffsetsRequest("billing", "orders", ResetOffsetsRequest.OFFSET, 5),
                new ResetOffsetsRequest("billing", null, ResetOffsetsRequest.EARLIEST, 0),
                new ResetOffsetsRequest("billing", null, ResetOffsetsRequest.LATEST, 0),
                new ResetOffsetsRequest("billing", "orders", ResetOffsetsRequest.TIME, time.toEpochMilli()));
    }

    @Test
    void describe_turnsTheAnswerIntoTheGroupsRecords() {
        StubNode node = node(request -> StubNode.Reply.answer(new DescribeGroupResponse(ErrorCode.NONE, null, "billing",
                GroupStateCode.REBALANCING, 5,
                List.of(new DescribeGroupResponse.Member("member-1", "worker@host/1", List.of("orders"),
                        List.of(new TopicPartitions("orders", List.of(0, 1))), List.of(new TopicPartitions("orders", List.of(0))),
                        1_700_000_000_000L)),
                List.of(new DescribeGroupResponse.PartitionProgress("orders", 0, "member-1", 42, 0, 50),
                        new DescribeGroupResponse.PartitionProgress("orders", 1, null, DescribeGroupResponse.NO_OFFSET, 3, 9)))));

        GroupDescription description = groups(node).describe("billing");

        assertThat(description).isEqualTo(new GroupDescription("billing", GroupState.REBALANCING, 5,
                List.of(new MemberDescription("member-1", "worker@host/1", List.of("orders"),
                        Set.of(TopicPartition.of("orders", 0), TopicPartition.of("orders", 1)),
                        Set.of(TopicPartition.of("orders", 0)), Instant.ofEpochMilli(1_700_000_000_000L))),
                List.of(new PartitionProgress(TopicPartition.of("orders", 0), "member-1", OptionalLong.of(42), 0, 50),
                        new PartitionProgress(TopicPartition.of("orders", 1), null, OptionalLong.empty(), 3, 9))));
        assertThat(received(node, DescribeGroupRequest.class)).containsExactly(new DescribeGroupRequest("billing"));
    }

    @Test
    void listGroups_readsEveryState() {
        StubNode node = node(request -> StubNode.Reply.answer(new ListGroupsResponse(ErrorCode.NONE, null, List.of(
                new ListGroupsResponse.GroupListing("a", GroupStateCode.EMPTY, 0, 0),
                new ListGroupsResponse.GroupListing("b", GroupStateCode.STABLE, 2, 7),
                new ListGroupsResponse.GroupListing("c", GroupStateCode.REBALANCING, 3, 8)))));

        List<GroupSummary> groups = groups(node).listGroups();

        assertThat(groups).containsExactly(new GroupSummary("a", GroupState.EMPTY, 0, 0),
                new GroupSummary("b", GroupState.STABLE, 2, 7), new GroupSummary("c", GroupState.REBALANCING, 3, 8));
        assertThat(received(node, ListGroupsRequest.class)).hasSize(1);
    }

    @Test
    void anAnswerThisClientCannotRead_isANamedError() {
        StubNode node = node(request -> StubNode.Reply.answer(new ListGroupsResponse(ErrorCode.NONE, null,
                List.of(new ListGroupsResponse.GroupListing("a", (byte) 9, 0, 0)))));

        assertThatThrownBy(() -> groups(node).listGroups())
                .isInstanceOf(TributaryException.class)
                .hasMessageContaining("list groups")
                .hasMessageContaining("state 9");
    }

    @Test
    void anInvalidGroupName_isRefusedBeforeAnythingIsSent() {
        StubNode node = node(request -> new StubNode.Reply.Hangup());

        assertThatThrownBy(() -> groups(node).describe("no spaces allowed")).isInstanceOf(InvalidGroupNameException.class);
        assertThat(received(node, DescribeGroupRequest.class)).isEmpty();
    }

    /** A node that answers metadata and, for everything else, as {@code script} says. */
    private StubNode node(Function<Request, StubNode.Reply> script) {
        try {
            StubNode[] node = new StubNode[1];
            node[0] = StubNode.start(request -> request instanceof MetadataRequest
                    ? StubNode.Reply.answer(node[0].metadata("prod", 1, "orders", 2)) : script.apply(request));
            closeables.add(node[0]);
            return node[0];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private GroupCoordinator groups(StubNode node) {
        TributaryClient client = TributaryClient.connect(ConnectionString.of(node.address()), FAST);
        closeables.add(client);
        return client.groups();
    }

    private static <T extends Request> List<T> received(StubNode node, Class<T> type) {
        return node.received().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
