package io.tributary.api;

/**
 * Root of Tributary's exceptions. Every failure a caller is expected to handle is a subclass with a
 * name that says what went wrong; the message names the thing, the limit and the way out.
 */
public class TributaryException extends RuntimeException {

    public TributaryException(String message) {
        super(message);
    }

    public TributaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
