package io.tributary;

import io.tributary.event.Event;

/**
 * Handles the events of a subscription. Called on a worker thread of the bus, never concurrently for
 * events of one partition. An exception goes to the subscription's {@link ErrorHandler}; the next event
 * is handled after it either way.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Event event) throws Exception;
}
