package io.tributary.client.internal;

import io.tributary.api.TopicName;
import io.tributary.api.TopicPartition;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupName;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.OffsetReset;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsRequest;
import io.tributary.protocol.message.FetchOffsetsResponse;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.LeaveGroupRequest;
import io.tributary.protocol.message.LeaveGroupResponse;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link GroupCoordinator} of a cluster, over the binary protocol ({@code TributaryClient.groups()}).
 * Stateless: every call is one request through the {@link ClusterRouter} to any node (one node today; the
 * coordinator will be a chosen node once there are several), bounded by the client's call timeout.
 *
 * <p><b>Retries.</b> Heartbeat, leave, commit and fetching committed offsets are idempotent (a heartbeat
 * or commit sent twice changes nothing more), and so are the read-only list and describe: when the
 * connection is lost with one in flight, it is sent again, after a backoff, until it is answered or the
 * call timeout passes. Resetting offsets is sent once: a lost answer is a
 * {@link io.tributary.client.ConnectionLostException}.
 *
 * <p><b>Errors</b> keep the broker's message and map to the {@code io.tributary.group} exceptions
 * ({@link BrokerErrors}), whether the broker put the code in the response's fields or its header.
 */
final class RemoteGroupCoordinator implements GroupCoordinator {

    private final ClusterRouter router;

    RemoteGroupCoordinator(ClusterRouter router) {
        this.router = router;
    }

    @Override
    public Assignment heartbeat(Heartbeat heartbeat) {
        GroupHeartbeatResponse response = (GroupHeartbeatResponse) call(new GroupHeartbeatRequest(heartbeat.group(),
                heartbeat.memberId(), heartbeat.generation(), heartbeat.clientId(), heartbeat.topics(),
                TopicPartitions.of(heartbeat.owned())), true);
        String context = "heartbeat of member " + heartbeat.memberId() + " of group " + heartbeat.group();
        check(response.errorCode(), response.errorMessage(), context);
        return GroupAnswers.assignment(response, context);
    }

    @Override
    public void leave(String group, String memberId) {
        GroupName.of(group);
        LeaveGroupResponse response = (LeaveGroupResponse) call(new LeaveGroupRequest(group, memberId), true);
        check(response.errorCode(), response.errorMessage(), "leave group " + group + " (member " + memberId + ")");
    }

    @Override
    public void commit(Commit commit) {
        CommitOffsetsResponse response = (CommitOffsetsResponse) call(new CommitOffsetsRequest(commit.group(),
                commit.memberId(), commit.generation(), TopicOffsets.of(commit.offsets())), true);
        check(response.errorCode(), response.errorMessage(), "commit of member " + commit.memberId() + " of group "
                + commit.group());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group, Collection<TopicPartition> partitions) {
        GroupName.of(group);
        FetchOffsetsResponse response = (FetchOffsetsResponse) call(new FetchOffsetsRequest(group,
                TopicPartitions.of(partitions)), true);
        String context = "committed offsets of group " + group;
        check(response.errorCode(), response.errorMessage(), context);
        return GroupAnswers.offsets(response.offsets(), context);
    }

    @Override
    public List<GroupSummary> listGroups() {
        ListGroupsResponse response = (ListGroupsResponse) call(ListGroupsRequest.INSTANCE, true);
        check(response.errorCode(), response.errorMessage(), "list groups");
        return GroupAnswers.summaries(response);
    }

    @Override
    public GroupDescription describe(String group) {
        GroupName.of(group);
        DescribeGroupResponse response = (DescribeGroupResponse) call(new DescribeGroupRequest(group), true);
        String context = "describe group " + group;
        check(response.errorCode(), response.errorMessage(), context);
        return GroupAnswers.description(response, context);
    }

    @Override
    public Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to) {
        GroupName.of(group);
        if (topic != null) {
            TopicName.of(topic);
        }
        ResetOffsetsResponse response = (ResetOffsetsResponse) call(GroupAnswers.resetRequest(group, topic, to), false);
        String context = "reset offsets of group " + group + (topic == null ? "" : " in topic " + topic) + " to " + to;
        check(response.errorCode(), response.errorMessage(), context);
        return GroupAnswers.offsets(response.offsets(), context);
    }

    /**
     * Sends {@code request} within one call timeout; an idempotent one again, after a backoff, when no node
     * answered (the connection was lost, the node restarts), until the deadline.
     */
    private Response call(Request request, boolean idempotent) {
        Deadline deadline = router.newDeadline();
        NoNodesAvailableException last = null;
        for (int attempt = 0; ; attempt++) {
            try {
                return router.callAny(request, deadline, idempotent);
            } catch (NoNodesAvailableException e) {
                // An attempt cut short by the deadline before it reached a node says less than the one before it.
                NoNodesAvailableException worth = e.nodesTried().isEmpty() && last != null ? last : e;
                if (!idempotent || deadline.expired()) {
                    throw worth;
                }
                last = worth;
                Backoff.sleep(attempt, deadline, request.apiKey() + " request");
            }
        }
    }

    private static void check(ErrorCode code, @Nullable String message, String context) {
        if (code != ErrorCode.NONE) {
            throw BrokerErrors.exception(code, message, context);
        }
    }
}
