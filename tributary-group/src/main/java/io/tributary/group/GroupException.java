package io.tributary.group;

import io.tributary.api.TributaryException;

/** Root of the failures a {@link GroupCoordinator} reports; each subclass says what the caller should do. */
public class GroupException extends TributaryException {

    public GroupException(String message) {
        super(message);
    }

    public GroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
