package io.tributary.broker.topic;

import io.tributary.api.TributaryException;

/** A partition number the topic does not have. */
public final class UnknownPartitionException extends TributaryException {

    public UnknownPartitionException(String message) {
        super(message);
    }
}
