package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * The producer's buffer holds as many bytes of unacknowledged records as it may
 * ({@code tributary.producer.buffer-bytes}), and the record could not wait for room (the producer fails
 * at once, or the wait passed its bound). The message names the limit and the setting to raise.
 */
public final class BatcherFullException extends TributaryException {

    public BatcherFullException(String message) {
        super(message);
    }
}
