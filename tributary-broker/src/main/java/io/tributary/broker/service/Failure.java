package io.tributary.broker.service;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.InvalidTopicNameException;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.config.ConfigException;
import io.tributary.broker.partition.TooManyWaitingReadsException;
import io.tributary.broker.topic.UnknownPartitionException;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupException;
import io.tributary.group.GroupLimitException;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.InvalidGroupNameException;
import io.tributary.group.UnknownGroupException;
import io.tributary.group.UnknownMemberException;
import io.tributary.format.CorruptBatchException;
import io.tributary.log.BatchTooLargeException;
import io.tributary.log.LogClosedException;
import io.tributary.log.OutOfOrderSequenceException;
import io.tributary.log.ProducerFencedException;
import io.tributary.protocol.message.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A failure as a client sees it: the protocol's error code and a message that says what happened and
 * the way out. Both the binary protocol and the HTTP API answer with these.
 *
 * @param code    the error code
 * @param message detail for the user
 */
public record Failure(ErrorCode code, String message) {

    /** The failure {@code error} means to a client; unexpected errors are {@link ErrorCode#UNKNOWN_SERVER_ERROR}. */
    public static Failure of(Throwable error) {
        Throwable cause = unwrap(error);
        ErrorCode code = switch (cause) {
            case TopicNotFoundException e -> ErrorCode.UNKNOWN_TOPIC;
            case UnknownPartitionException e -> ErrorCode.UNKNOWN_PARTITION;
            case InvalidTopicNameException e -> ErrorCode.INVALID_TOPIC_NAME;
            case TopicExistsException e -> ErrorCode.TOPIC_ALREADY_EXISTS;
            case BatchTooLargeException e -> ErrorCode.RECORD_TOO_LARGE;
            case RecordLimitException e -> ErrorCode.RECORD_TOO_LARGE;
            case CorruptBatchException e -> ErrorCode.CORRUPT_MESSAGE;
            case OutOfOrderSequenceException e -> ErrorCode.OUT_OF_ORDER_SEQUENCE;
            case ProducerFencedException e -> ErrorCode.PRODUCER_FENCED;
            case ClusterIdMismatchException e -> ErrorCode.CLUSTER_ID_MISMATCH;
            case LogClosedException e -> ErrorCode.NOT_LEADER;
            case TimeoutException e -> ErrorCode.TIMED_OUT;
            case ConfigException e -> ErrorCode.INVALID_CONFIG;
            case TooManyWaitingReadsException e -> ErrorCode.TOO_MANY_WAITING_READS;
            case PolicyViolationException e -> ErrorCode.POLICY_VIOLATION;
            case UnknownMemberException e -> ErrorCode.UNKNOWN_MEMBER;
            case FencedMemberException e -> ErrorCode.FENCED_MEMBER;
            case UnknownGroupException e -> ErrorCode.UNKNOWN_GROUP;
            case GroupNotEmptyException e -> ErrorCode.GROUP_NOT_EMPTY;
            case InvalidGroupNameException e -> ErrorCode.INVALID_GROUP_NAME;
            case GroupLimitException e -> ErrorCode.GROUP_LIMIT_REACHED;
            case IllegalArgumentException e -> ErrorCode.INVALID_REQUEST;
            // the offset store failed under a group call: answer what the store's failure means (closing: NOT_LEADER;
            // unexpected: UNKNOWN_SERVER_ERROR, as the default would); the message stays the group call's
            case GroupException e when e.getClass() == GroupException.class && e.getCause() != null ->
                    of(e.getCause()).code();
            default -> ErrorCode.UNKNOWN_SERVER_ERROR;
        };
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (cause instanceof LogClosedException) {
            message = "the partition is closed (the broker is shutting down or the topic was deleted): " + message;
        } else if (cause instanceof TimeoutException) {
            message = "timed out waiting for the commit; the batch may still be committed, so retry idempotently";
        }
        return new Failure(code, message);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
