package io.tributary;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lifecycle hooks of a subscription, for logging, metrics and alerting: set one with
 * {@link Subscription#listener}. Every method has a default that does nothing; the default listener is
 * {@link #logging()}, and {@code io.tributary.micrometer.MicrometerListener} counts and times the same.
 *
 * <p><b>Threads.</b> {@link #registered}, {@link #partitionsAssigned} and {@link #partitionsRevoked} are
 * called, for a consumer group, on the member's own thread (the one that heartbeats), and without a group on
 * the thread that subscribes or closes; the others on the worker that handled the event, before the
 * partition's next event. Keep them short: they hold up the partition. An exception they throw is logged and
 * dropped.
 */
public interface SubscriptionListener {

    /**
     * The subscription runs: without a group, at once, with every partition of its topics; with a group,
     * once it joined, with its first assignment (possibly none). Called once, before the first
     * {@link #partitionsAssigned}.
     */
    default void registered(Subscription subscription, Set<TopicPartition> partitions) {
    }

    /** The subscription starts reading {@code partitions}: on registration, and when its group gives it more. */
    default void partitionsAssigned(Subscription subscription, Set<TopicPartition> partitions) {
    }

    /**
     * The subscription stopped reading {@code partitions}: its group moved them to another member, the
     * subscription closed, or (with {@code lost} true) the group no longer knew this member — its session
     * timed out — so the partitions may be with another member already and nothing was committed for them.
     * Otherwise the events in hand were finished and, unless the subscription commits manually, committed;
     * a manual-commit subscription may still {@link SubscriptionHandle#commit()} here.
     */
    default void partitionsRevoked(Subscription subscription, Set<TopicPartition> partitions, boolean lost) {
    }

    /** The handler finished {@code event} (on its first attempt or a retry) after {@code took}. */
    default void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
    }

    /**
     * Attempt {@code attempt} (from 1) of handling {@code event} failed with {@code error}.
     *
     * @param retryIn when the next attempt comes, or {@code null} when this was the last one
     */
    default void attemptFailed(Subscription subscription, Event event, EventPosition position, Throwable error,
            int attempt, @Nullable Duration retryIn) {
    }

    /**
     * {@code event} failed every attempt and was written to its group's dead-letter topic at {@code deadLetter};
     * {@code error} is the last attempt's.
     */
    default void deadLettered(Subscription subscription, Event event, EventPosition position, Throwable error,
            EventPosition deadLetter) {
    }

    /**
     * Whether {@link #eventProcessed} does anything. A listener that ignores processed events says false, and
     * the bus then neither times each event nor calls it: on {@code mem:} that is a measurable part of the
     * cost of an event. The default is true.
     */
    default boolean observesProcessedEvents() {
        return true;
    }

    /** Calls this listener, then {@code next}, for every hook. */
    default SubscriptionListener andThen(SubscriptionListener next) {
        Objects.requireNonNull(next, "next");
        return new ListenerChain(this, next);
    }

    /**
     * The default: logs registrations, assignments, revocations and dead letters at INFO, failed attempts and
     * lost partitions at WARN (one line each, naming the event id, type and position), processed events at
     * DEBUG, through SLF4J's {@code io.tributary.SubscriptionListener} logger. (The default
     * {@link ErrorHandler} logs the last error of an event that failed every attempt at ERROR, with its stack
     * trace.)
     */
    static SubscriptionListener logging() {
        return LoggingListener.INSTANCE;
    }

    /** A listener that does nothing. */
    static SubscriptionListener none() {
        return ListenerChain.NONE;
    }
}
