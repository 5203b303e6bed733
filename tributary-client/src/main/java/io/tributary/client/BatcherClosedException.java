package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * The producer was closed: a record sent after {@link Producer#close}, or one still unacknowledged when
 * the close deadline passed. Records that fail with it may have been written if they were in flight.
 */
public final class BatcherClosedException extends TributaryException {

    public BatcherClosedException(String message) {
        super(message);
    }
}
