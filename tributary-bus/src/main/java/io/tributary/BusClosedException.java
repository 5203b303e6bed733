package io.tributary;

import io.tributary.api.TributaryException;

/** The bus was closed; it takes no more publishes or subscriptions. */
public final class BusClosedException extends TributaryException {

    public BusClosedException(String message) {
        super(message);
    }
}
