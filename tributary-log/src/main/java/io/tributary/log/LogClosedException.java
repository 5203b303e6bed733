package io.tributary.log;

/** The log was closed (or failed) before the operation could complete. */
public final class LogClosedException extends LogException {

    public LogClosedException(String message) {
        super(message);
    }

    public LogClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
