package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * A record, or the batch or request carrying it, is larger than a limit allows. The message names the
 * size, the limit and the setting that raises it.
 */
public final class RecordTooLargeException extends TributaryException {

    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
