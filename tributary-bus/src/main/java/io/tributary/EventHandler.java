package io.tributary;

import io.tributary.event.Event;

/**
 * Handles the events of a subscription. Called on a worker thread of the bus, never concurrently for
 * events of one partition. A handler that throws is called again for the same event per the
 * subscription's {@link Retry}; once the attempts are spent the event is dead-lettered (with a group) and
 * the {@link ErrorHandler} told, and the next event follows. Handlers of a group run at least once per
 * event: make them idempotent (the event id is the key), or tolerate the rare duplicate.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Event event) throws Exception;
}
