package io.tributary.client.internal;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.InvalidTopicNameException;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TributaryException;
import io.tributary.api.config.ConfigException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.RecordTooLargeException;
import io.tributary.client.TimedOutException;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupLimitException;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.InvalidGroupNameException;
import io.tributary.group.UnknownGroupException;
import io.tributary.group.UnknownMemberException;
import io.tributary.protocol.message.ErrorCode;
import org.jspecify.annotations.Nullable;

/** Turns a protocol {@link ErrorCode} into the client's named exception for it. */
public final class BrokerErrors {

    private BrokerErrors() {
    }

    /**
     * The exception for {@code code}, with a message that says where it happened ({@code context}, e.g.
     * "produce to orders-3 on localhost:7650"), the node's detail and what the code means.
     */
    public static TributaryException exception(ErrorCode code, @Nullable String detail, String context) {
        String message = context + ": " + (detail == null || detail.isBlank() ? code.description() : detail)
                + " (" + code.name() + ")";
        return switch (code) {
            case UNKNOWN_TOPIC -> new TopicNotFoundException(message);
            case CLUSTER_ID_MISMATCH -> new ClusterIdMismatchException(message);
            case RECORD_TOO_LARGE, REQUEST_TOO_LARGE -> new RecordTooLargeException(message);
            case TIMED_OUT -> new TimedOutException(message);
            case TOPIC_ALREADY_EXISTS -> new TopicExistsException(message);
            case INVALID_TOPIC_NAME -> new InvalidTopicNameException(message);
            case INVALID_CONFIG -> new ConfigException(message);
            case UNKNOWN_MEMBER -> new UnknownMemberException(message);
            case FENCED_MEMBER -> new FencedMemberException(message);
            case UNKNOWN_GROUP -> new UnknownGroupException(message);
            case GROUP_NOT_EMPTY -> new GroupNotEmptyException(message);
            case INVALID_GROUP_NAME -> new InvalidGroupNameException(message);
            case GROUP_LIMIT_REACHED -> new GroupLimitException(message);
            default -> new BrokerErrorException(code.name(), code.retriable(), message);
        };
    }
}
