package io.tributary.client;

import io.tributary.api.TributaryException;

/**
 * A connection string that does not parse. The message quotes the string, says what is wrong and shows
 * a valid one.
 */
public final class InvalidConnectionStringException extends TributaryException {

    public InvalidConnectionStringException(String message) {
        super(message);
    }
}
