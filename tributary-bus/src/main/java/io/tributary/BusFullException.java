package io.tributary;

import io.tributary.api.TributaryException;

/**
 * An in-memory topic's partition holds as many events not yet handled by every subscriber as it may
 * ({@code tributary.bus.mem.partition-capacity}) and the publish could not wait (or waited
 * {@code tributary.bus.mem.max-block}) for a subscriber to catch up.
 */
public final class BusFullException extends TributaryException {

    public BusFullException(String message) {
        super(message);
    }
}
