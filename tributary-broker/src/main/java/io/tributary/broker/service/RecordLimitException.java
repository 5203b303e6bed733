package io.tributary.broker.service;

import io.tributary.api.TributaryException;

/** A record breaks one of the broker's limits (size, header count); the message names the limit and its key. */
public final class RecordLimitException extends TributaryException {

    public RecordLimitException(String message) {
        super(message);
    }
}
