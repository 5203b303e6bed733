package io.tributary;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Two listeners called one after the other ({@link SubscriptionListener#andThen}); the second is called even
 * when the first throws. Also holds {@link #NONE}.
 */
record ListenerChain(SubscriptionListener first, SubscriptionListener second) implements SubscriptionListener {

    /** {@link SubscriptionListener#none()}: the hooks' defaults do nothing. */
    static final SubscriptionListener NONE = new SubscriptionListener() {
        @Override
        public boolean observesProcessedEvents() {
            return false;
        }

        @Override
        public String toString() {
            return "SubscriptionListener.none()";
        }
    };

    @Override
    public boolean observesProcessedEvents() {
        return first.observesProcessedEvents() || second.observesProcessedEvents();
    }

    @Override
    public void registered(Subscription subscription, Set<TopicPartition> partitions) {
        both(() -> first.registered(subscription, partitions), () -> second.registered(subscription, partitions));
    }

    @Override
    public void partitionsAssigned(Subscription subscription, Set<TopicPartition> partitions) {
        both(() -> first.partitionsAssigned(subscription, partitions),
                () -> second.partitionsAssigned(subscription, partitions));
    }

    @Override
    public void partitionsRevoked(Subscription subscription, Set<TopicPartition> partitions, boolean lost) {
        both(() -> first.partitionsRevoked(subscription, partitions, lost),
                () -> second.partitionsRevoked(subscription, partitions, lost));
    }

    @Override
    public void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
        both(() -> first.eventProcessed(subscription, event, position, took),
                () -> second.eventProcessed(subscription, event, position, took));
    }

    @Override
    public void attemptFailed(Subscription subscription, Event event, EventPosition position, Throwable error,
            int attempt, @Nullable Duration retryIn) {
        both(() -> first.attemptFailed(subscription, event, position, error, attempt, retryIn),
                () -> second.attemptFailed(subscription, event, position, error, attempt, retryIn));
    }

    @Override
    public void deadLettered(Subscription subscription, Event event, EventPosition position, Throwable error,
            EventPosition deadLetter) {
        both(() -> first.deadLettered(subscription, event, position, error, deadLetter),
                () -> second.deadLettered(subscription, event, position, error, deadLetter));
    }

    @Override
    public String toString() {
        return first + ".andThen(" + second + ")";
    }

    /** Runs both, the second even when the first throws; then rethrows the first failure. */
    private static void both(Runnable first, Runnable second) {
        try {
            first.run();
        } catch (RuntimeException | Error failure) {
            try {
                second.run();
            } catch (RuntimeException | Error another) {
                failure.addSuppressed(another);
            }
            throw failure;
        }
        second.run();
    }
}
