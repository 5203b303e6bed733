package io.tributary.event;

import io.tributary.api.TributaryException;

/**
 * An event's {@code data} could not be converted: no {@link EventDataCodec} is on the classpath, or the
 * codec could not encode a value or decode the bytes into the requested class. The message says which.
 */
public final class EventDataException extends TributaryException {

    public EventDataException(String message) {
        super(message);
    }

    public EventDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
