package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * A call did not complete within its timeout ({@code tributary.client.call-timeout}), or a record was
 * not acknowledged within the producer's delivery timeout. When it concerns a send, the records may or
 * may not have been written.
 */
public final class TimedOutException extends TributaryException {

    public TimedOutException(String message) {
        super(message);
    }

    public TimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
