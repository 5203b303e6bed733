package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * The connection a request travelled on closed before its answer arrived: the node went away, the
 * network failed, or the connection was closed after another request on it timed out. Whether the node
 * processed the request is unknown; the batching {@link Producer} retries such sends idempotently, a
 * low-level {@link TributaryClient#send} does not.
 */
public final class ConnectionLostException extends TributaryException {

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
