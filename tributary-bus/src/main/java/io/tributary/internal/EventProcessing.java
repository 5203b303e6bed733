package io.tributary.internal;

import io.tributary.ErrorHandler;
import io.tributary.EventHandler;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionListener;
import io.tributary.event.Event;
import io.tributary.event.EventFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one subscription does with each event, shared by its partitions' feeds: the filter, the handler
 * call and its timing, the retry policy, giving up (dead letter, error handler) and the lifecycle hooks.
 * Called on worker threads, several partitions at once; holds no per-event state (that is
 * {@link BatchDelivery}'s). User callbacks that throw are logged and dropped, never allowed to stop a feed.
 */
final class EventProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(EventProcessing.class);

    private final Subscription subscription;
    private final EventHandler handler;
    private final EventFilter filter;
    /** The filter passes every event: checked once, because {@link EventFilter#matches} re-validates each type. */
    private final boolean passesAll;
    /** Whether the listener wants {@code eventProcessed}: read once, so unobserved events are not timed. */
    private final boolean observesProcessed;
    private final @Nullable DeadLetterWriter deadLetters;
    private final InstantSource clock;
    private final RandomGenerator random;

    /** @param deadLetters where events that failed every attempt go; {@code null} without a group */
    EventProcessing(Subscription subscription, EventHandler handler, @Nullable DeadLetterWriter deadLetters,
            InstantSource clock, RandomGenerator random) {
        this.subscription = subscription;
        this.handler = handler;
        this.filter = subscription.filter();
        this.passesAll = filter.version().isEmpty() && filter.types().matchesAll();
        this.observesProcessed = subscription.listener().observesProcessedEvents();
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.random = random;
    }

    /** Whether the handler is to see {@code event}. */
    boolean selects(Event event) {
        return passesAll || filter.matches(event);
    }

    /** When a handler call starts: the time to measure it from, or 0 when nobody is told how long it took. */
    long startClock() {
        return observesProcessed ? System.nanoTime() : 0;
    }

    /**
     * Calls the handler once.
     *
     * @return the handler's failure, or {@code null} when it returned
     */
    @Nullable Throwable attempt(Event event) {
        // An interrupt left on this worker — by the previous handler call (thrown, or set again by the "re-interrupt"
        // idiom), a listener or an error handler — belongs to that call, not to this one: cleared in this one place.
        Thread.interrupted();
        try {
            handler.handle(event);
            return null;
        } catch (StackOverflowError failure) {
            return failure; // the handler's own recursion: a failure of this event like any other
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Tells the listener the handler finished {@code event} at {@code offset}, started at {@link #startClock()}. */
    void processed(Event event, PartitionFeed feed, long offset, long started) {
        if (observesProcessed) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            EventPosition position = new EventPosition(feed.topic(), feed.partition(), offset);
            SubscriptionListener listener = subscription.listener();
            guard("listener (eventProcessed)", event, () -> listener.eventProcessed(subscription, event, position, took));
        }
    }

    /** Whether each finished event's position must be visible at once (manual commits), not only each batch's. */
    boolean tracksEachEvent() {
        return subscription.commitsManually();
    }

    /**
     * Records a failed attempt and tells the listener.
     *
     * @param failures how many attempts of this event failed so far, this one included
     * @return when to try again, or {@code null} when the attempts are spent
     */
    @Nullable Duration failed(Event event, EventPosition position, Throwable failure, int failures) {
        Duration retryIn = failures < subscription.retry().attempts()
                ? subscription.retry().delayAfter(failures, random) : null;
        SubscriptionListener listener = subscription.listener();
        guard("listener (attemptFailed)", event, () -> listener.attemptFailed(subscription, event, position, failure, failures,
                retryIn));
        return retryIn;
    }

    /** Whether an event that failed every attempt is written to a dead-letter topic first (a group's). */
    boolean deadLetters() {
        return deadLetters != null;
    }

    /**
     * Writes the dead letter of an event that failed every attempt; never blocks.
     *
     * @return completes with its position once committed, or fails (the caller tries again: the event must not
     *         be skipped unwritten)
     * @throws IllegalStateException without a group
     */
    CompletableFuture<EventPosition> writeDeadLetter(Event event, EventPosition position, Throwable failure, int attempts,
            Instant firstFailure, Instant lastFailure) {
        if (deadLetters == null) {
            throw new IllegalStateException("a subscription without a group has no dead-letter topic");
        }
        return deadLetters.write(event, position, attempts, failure, firstFailure, lastFailure);
    }

    /**
     * The event failed every attempt (and, with a group, its dead letter is at {@code deadLetter}): tells the
     * listener and the error handler.
     */
    void gaveUp(Event event, EventPosition position, Throwable failure, @Nullable EventPosition deadLetter) {
        if (deadLetter != null) {
            SubscriptionListener listener = subscription.listener();
            guard("listener (deadLettered)", event, () -> listener.deadLettered(subscription, event, position, failure,
                    deadLetter));
        }
        ErrorHandler errorHandler = subscription.errorHandler();
        guard("error handler", event, () -> errorHandler.onError(event, failure));
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs a user callback about {@code event}; what it throws is logged and dropped. */
    private void guard(String what, Event event, Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.error("the {} of a subscription to {} threw for event {}; ignored", what, subscription.topics(),
                    event.id(), e);
        }
    }

    /** Runs a user callback of {@code subscription}; what it throws is logged and dropped. */
    static void guard(Subscription subscription, String what, Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.error("the {} of a subscription to {} threw; ignored", what, subscription.topics(), e);
        }
    }
}
