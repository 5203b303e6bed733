package io.tributary.internal;

import io.tributary.DeadLetter;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a group's events that failed every attempt to its dead-letter topic ({@link DeadLetter#store}). The
 * event must not be skipped unwritten, so a write that fails is tried again, with a growing pause (at most
 * {@link #MAX_PAUSE}), for as long as the partition's feed runs; the partition waits meanwhile.
 */
final class DeadLetterWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** Bounds the wait for one write; far beyond a healthy commit. */
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(2);

    private final Transport transport;
    private final Subscription subscription;

    DeadLetterWriter(Transport transport, Subscription subscription) {
        this.transport = transport;
        this.subscription = subscription;
    }

    /**
     * Writes the dead letter of {@code event}; blocks until it is committed.
     *
     * @return where it was written, or {@code null} if {@code running} stopped holding first
     */
    @Nullable EventPosition write(Event event, EventPosition origin, int attempts, Throwable failure,
            Instant firstFailure, Instant lastFailure, BooleanSupplier running) {
        String topic = subscription.deadLetterTopicFor(origin.topic());
        Duration pause = FIRST_PAUSE;
        while (running.getAsBoolean()) {
            try {
                Event deadLetter = DeadLetter.store(event, origin, subscription.group(), attempts, failure, firstFailure,
                        lastFailure);
                return transport.append(topic, deadLetter).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.error("cannot write event {} at {} to the dead-letter topic {} of group {}: {}; the partition waits,"
                        + " trying again in {} ms", event.id(), origin, topic, subscription.group(), cause.toString(),
                        pause.toMillis());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
        return null;
    }
}
