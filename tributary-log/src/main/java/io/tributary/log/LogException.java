package io.tributary.log;

import io.tributary.api.TributaryException;

/** A failure of the partition log; subclasses name the cause. */
public class LogException extends TributaryException {

    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
