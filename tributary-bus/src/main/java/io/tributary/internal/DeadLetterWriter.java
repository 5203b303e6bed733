package io.tributary.internal;

import io.tributary.DeadLetter;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes a group's events that failed every attempt to its dead-letter topic ({@link DeadLetter#store}),
 * without blocking: the delivery waits for the write the way it waits for a retry, giving its worker back,
 * and writes again after a pause when a write fails (the event must not be skipped unwritten).
 */
final class DeadLetterWriter {

    /** Bounds the wait for one write; far beyond a healthy commit. A write that times out is tried again. */
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(2);

    private final Transport transport;
    private final Subscription subscription;

    DeadLetterWriter(Transport transport, Subscription subscription) {
        this.transport = transport;
        this.subscription = subscription;
    }

    /**
     * Writes the dead letter of {@code event}.
     *
     * @return completes once it is committed, or fails (also after {@link #WRITE_TIMEOUT})
     */
    CompletableFuture<EventPosition> write(Event event, EventPosition origin, int attempts, Throwable failure,
            Instant firstFailure, Instant lastFailure) {
        try {
            Event deadLetter = DeadLetter.store(event, origin, subscription.group(), attempts, failure, firstFailure,
                    lastFailure);
            return transport.append(subscription.deadLetterTopicFor(origin.topic()), deadLetter).orTimeout(WRITE_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
