package io.tributary.broker.net;

import io.tributary.broker.service.Failure;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupName;
import io.tributary.group.GroupState;
import io.tributary.group.Heartbeat;
import io.tributary.group.MemberDescription;
import io.tributary.group.OffsetReset;
import io.tributary.group.PartitionProgress;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
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
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the consumer-group apis by calling the broker's {@link GroupCoordinator}. Every failure is
 * answered in the response's own {@code errorCode} and {@code errorMessage} ({@link Failure#of}: the group
 * exceptions get their codes, a value a record refuses is {@code INVALID_REQUEST}).
 *
 * <p><b>Threads.</b> Called on the connection's reader thread, which must not block. Heartbeat, leave,
 * fetch offsets, list and describe work in the coordinator's memory and are answered there. Commit and
 * reset wait until their offsets are durable, so they run on {@code blockingCalls} (a virtual thread per
 * call; bounded by the requests a connection may have in flight) and the connection writes their answer
 * in request order when it is ready.
 */
final class GroupRequests {

    private static final Logger LOG = LoggerFactory.getLogger(GroupRequests.class);

    /**
     * Longest a commit's answer waits for its offsets to be durable; far beyond a healthy fsync, it bounds how long
     * a hung disk holds the connection's later answers back. The client sees TIMED_OUT and may commit again.
     */
    static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(2);

    private final GroupCoordinator coordinator;
    private final Executor blockingCalls;
    private final Duration commitTimeout;

    GroupRequests(GroupCoordinator coordinator, Executor blockingCalls) {
        this(coordinator, blockingCalls, COMMIT_TIMEOUT);
    }

    /** With another bound than {@link #COMMIT_TIMEOUT} on a commit's wait for durability: for tests. */
    GroupRequests(GroupCoordinator coordinator, Executor blockingCalls, Duration commitTimeout) {
        this.coordinator = coordinator;
        this.blockingCalls = blockingCalls;
        this.commitTimeout = commitTimeout;
    }

    CompletableFuture<GroupHeartbeatResponse> heartbeat(GroupHeartbeatRequest request) {
        return now(() -> {
            Assignment assignment = coordinator.heartbeat(new Heartbeat(request.group(), request.memberId(),
                    request.generation(), request.clientId(), request.topics(), TopicPartitions.toSet(request.owned())));
            return new GroupHeartbeatResponse(ErrorCode.NONE, null, assignment.memberId(), assignment.generation(),
                    (int) Math.min(Integer.MAX_VALUE, assignment.heartbeatInterval().toMillis()),
                    TopicPartitions.of(assignment.partitions()));
        }, failure -> GroupHeartbeatResponse.failed(failure.code(), failure.message()), request.group());
    }

    CompletableFuture<LeaveGroupResponse> leave(LeaveGroupRequest request) {
        return now(() -> {
            coordinator.leave(request.group(), request.memberId());
            return LeaveGroupResponse.OK;
        }, failure -> new LeaveGroupResponse(failure.code(), failure.message()), request.group());
    }

    /**
     * Accepted or refused now, on the reader thread, in arrival order (so a heartbeat pipelined behind it is
     * judged after it); answered once durable.
     */
    CompletableFuture<CommitOffsetsResponse> commit(CommitOffsetsRequest request) {
        Commit commit;
        try {
            commit = new Commit(request.group(), request.memberId(), request.generation(),
                    TopicOffsets.toMap(request.offsets()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e, request.group(),
                    failure -> new CommitOffsetsResponse(failure.code(), failure.message())));
        }
        // Failure.of unwraps the future's CompletionException and answers orTimeout's bare TimeoutException TIMED_OUT
        return coordinator.commitAsync(commit).orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> error == null ? CommitOffsetsResponse.OK : failed(error, request.group(),
                        failure -> new CommitOffsetsResponse(failure.code(), failure.message())));
    }

    CompletableFuture<FetchOffsetsResponse> fetchOffsets(FetchOffsetsRequest request) {
        return now(() -> {
            GroupName.of(request.group()); // before the partitions: the coordinator checks it only after they were read
            return new FetchOffsetsResponse(ErrorCode.NONE, null, TopicOffsets.of(coordinator.committedOffsets(
                    request.group(), TopicPartitions.toSet(request.partitions()))));
        }, failure -> FetchOffsetsResponse.failed(failure.code(), failure.message()), request.group());
    }

    CompletableFuture<ListGroupsResponse> list() {
        return now(() -> new ListGroupsResponse(ErrorCode.NONE, null, coordinator.listGroups().stream()
                .map(group -> new ListGroupsResponse.GroupListing(group.group(), stateCode(group.state()), group.members(),
                        group.generation()))
                .toList()), failure -> ListGroupsResponse.failed(failure.code(), failure.message()), "(list)");
    }

    CompletableFuture<DescribeGroupResponse> describe(DescribeGroupRequest request) {
        return now(() -> describeResponse(coordinator.describe(request.group())),
                failure -> DescribeGroupResponse.failed(failure.code(), failure.message()), request.group());
    }

    /** Waits for durability: off the reader thread. */
    CompletableFuture<ResetOffsetsResponse> resetOffsets(ResetOffsetsRequest request) {
        OffsetReset to;
        try {
            GroupName.of(request.group());
            to = position(request.kind(), request.value());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e, request.group(),
                    failure -> ResetOffsetsResponse.failed(failure.code(), failure.message())));
        }
        return later(() -> new ResetOffsetsResponse(ErrorCode.NONE, null,
                        TopicOffsets.of(coordinator.resetOffsets(request.group(), request.topic(), to))),
                failure -> ResetOffsetsResponse.failed(failure.code(), failure.message()), request.group());
    }

    /** The reset position a request names. */
    static OffsetReset position(byte kind, long value) {
        return switch (kind) {
            case ResetOffsetsRequest.EARLIEST -> OffsetReset.earliest();
            case ResetOffsetsRequest.LATEST -> OffsetReset.latest();
            case ResetOffsetsRequest.OFFSET -> OffsetReset.offset(value);
            case ResetOffsetsRequest.TIME -> OffsetReset.time(Instant.ofEpochMilli(value));
            default -> throw new IllegalArgumentException("ResetOffsetsRequest.kind " + kind
                    + " is not one of 0 (earliest), 1 (latest), 2 (offset), 3 (time)");
        };
    }

    static byte stateCode(GroupState state) {
        return switch (state) {
            case EMPTY -> GroupStateCode.EMPTY;
            case STABLE -> GroupStateCode.STABLE;
            case REBALANCING -> GroupStateCode.REBALANCING;
        };
    }

    private static DescribeGroupResponse describeResponse(GroupDescription group) {
        return new DescribeGroupResponse(ErrorCode.NONE, null, group.group(), stateCode(group.state()), group.generation(),
                group.members().stream().map(GroupRequests::member).toList(),
                group.partitions().stream().map(GroupRequests::progress).toList());
    }

    private static DescribeGroupResponse.Member member(MemberDescription member) {
        return new DescribeGroupResponse.Member(member.memberId(), member.clientId(), member.topics(),
                TopicPartitions.of(member.owned()), TopicPartitions.of(member.target()), member.lastHeartbeat().toEpochMilli());
    }

    private static DescribeGroupResponse.PartitionProgress progress(PartitionProgress progress) {
        return new DescribeGroupResponse.PartitionProgress(progress.partition().topic().value(),
                progress.partition().partition(), progress.owner(),
                progress.committed().orElse(DescribeGroupResponse.NO_OFFSET), progress.logStartOffset(),
                progress.endOffset());
    }

    private static <T extends Response> CompletableFuture<T> now(Supplier<T> call, Function<Failure, T> failed,
            String group) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e, group, failed));
        }
    }

    private <T extends Response> CompletableFuture<T> later(Supplier<T> call, Function<Failure, T> failed, String group) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return failed(e, group, failed);
            }
        }, blockingCalls);
    }

    private static <T> T failed(Throwable error, String group, Function<Failure, T> answer) {
        Failure failure = Failure.of(error);
        if (failure.code() == ErrorCode.UNKNOWN_SERVER_ERROR) {
            LOG.error("a request of group {} failed unexpectedly", group, error);
        }
        return answer.apply(failure);
    }
}
