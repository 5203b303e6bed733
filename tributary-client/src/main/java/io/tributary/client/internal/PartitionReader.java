package io.tributary.client.internal;

import io.tributary.client.ClusterMetadata;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.NodeAddress;
import io.tributary.client.ReadResult;
import io.tributary.client.TimedOutException;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and offset queries of one partition, sent to its leader. Both are idempotent, so a lost
 * connection, an unreachable leader or a {@code NOT_LEADER} answer refreshes the metadata and the call
 * is sent again, within the call's deadline.
 */
final class PartitionReader {

    /** The outcome of one attempt: a value, or a reason to refresh and try again. */
    private sealed interface Attempt<T> {
        record Done<T>(T value) implements Attempt<T> {
        }

        record Retry<T>(String reason) implements Attempt<T> {
        }
    }

    private final ClusterRouter router;
    private final int fetchMaxBytes;

    PartitionReader(ClusterRouter router, int fetchMaxBytes) {
        this.router = router;
        this.fetchMaxBytes = fetchMaxBytes;
    }

    ReadResult read(String topic, int partition, long offset, int maxRecords, Duration wait, Deadline deadline) {
        int waitMs = (int) Math.min(Integer.MAX_VALUE, wait.toMillis());
        FetchRequest request = new FetchRequest(waitMs, fetchMaxBytes, List.of(new FetchRequest.TopicData(topic,
                List.of(new FetchRequest.PartitionData(partition, offset, fetchMaxBytes)))));
        String what = "read of " + topic + "-" + partition + " at offset " + offset;
        return onLeader(topic, partition, deadline, what, leader -> {
            FetchResponse response = (FetchResponse) call(leader, request, waitMs > 0, deadline);
            FetchResponse.PartitionData data = response.topics().getFirst().partitions().getFirst();
            return switch (data.errorCode()) {
                case NONE -> new Attempt.Done<>(FetchedRecords.trim(data.batches(), offset, maxRecords,
                        data.committedEndOffset()));
                case NOT_LEADER -> new Attempt.Retry<>(leader + " no longer leads " + topic + "-" + partition);
                case OFFSET_OUT_OF_RANGE -> throw BrokerErrors.exception(data.errorCode(), "offset " + offset
                        + " is outside " + data.logStartOffset() + " … " + data.committedEndOffset() + " of " + topic
                        + "-" + partition + "; read from one of them", what);
                default -> throw BrokerErrors.exception(data.errorCode(), null, what);
            };
        });
    }

    EndOffsetResponse offsets(String topic, int partition, Deadline deadline) {
        String what = "end offset of " + topic + "-" + partition;
        EndOffsetRequest request = new EndOffsetRequest(topic, partition);
        return onLeader(topic, partition, deadline, what, leader -> {
            EndOffsetResponse response = (EndOffsetResponse) call(leader, request, false, deadline);
            return switch (response.errorCode()) {
                case NONE -> new Attempt.Done<>(response);
                case NOT_LEADER -> new Attempt.Retry<>(leader + " no longer leads " + topic + "-" + partition);
                default -> throw BrokerErrors.exception(response.errorCode(), null, what);
            };
        });
    }

    private Response call(NodeAddress leader, Request request, boolean longPoll, Deadline deadline) {
        ConnectionPool pool = router.pool();
        if (!longPoll) {
            return ClusterRouter.await(pool.connection(leader, deadline).call(request, deadline.remaining()), deadline);
        }
        NodeConnection connection = pool.borrowForPoll(leader, deadline);
        try {
            return ClusterRouter.await(connection.call(request, deadline.remaining()), deadline);
        } finally {
            pool.giveBack(connection);
        }
    }

    private <T> T onLeader(String topic, int partition, Deadline deadline, String what,
            Function<NodeAddress, Attempt<T>> attempt) {
        String lastProblem = "";
        for (int round = 0; ; round++) {
            Optional<NodeAddress> leader = leader(topic, partition, deadline);
            if (leader.isPresent()) {
                try {
                    switch (attempt.apply(leader.get())) {
                        case Attempt.Done<T> done -> {
                            return done.value();
                        }
                        case Attempt.Retry<T> retry -> lastProblem = retry.reason();
                    }
                } catch (UnreachableNodeException | ConnectionLostException e) {
                    lastProblem = e.getMessage();
                }
            } else {
                lastProblem = topic + "-" + partition + " has no leader";
            }
            if (deadline.expired()) {
                throw new TimedOutException(what + " did not succeed within the call timeout"
                        + " (tributary.client.call-timeout): " + lastProblem);
            }
            Backoff.sleep(round, deadline, what);
            router.refresh(List.of(topic), deadline);
        }
    }

    private Optional<NodeAddress> leader(String topic, int partition, Deadline deadline) {
        Optional<ClusterMetadata.Topic> route = router.route(topic, deadline);
        if (route.isPresent() && partition >= route.get().partitionCount()) {
            router.refresh(List.of(topic), deadline); // partitions may have been added since
            route = router.view().topic(topic);
        }
        if (route.isEmpty()) {
            throw new TopicNotFoundException("topic " + topic + " does not exist");
        }
        if (partition < 0 || partition >= route.get().partitionCount()) {
            throw new BrokerErrorException(ErrorCode.UNKNOWN_PARTITION.name(), false, "topic " + topic + " has "
                    + route.get().partitionCount() + " partitions (0 to " + (route.get().partitionCount() - 1)
                    + "), not " + partition);
        }
        return router.view().leader(topic, partition);
    }
}
