package io.tributary;

import io.tributary.event.Event;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to topics and hands them to subscribers, the same way whether the events live in
 * memory ({@code mem:}), in an embedded log ({@code file:}) or on a server ({@code tributary://}). Get
 * one from {@link Tributary#open(String)}. Thread-safe.
 *
 * <pre>{@code
 * try (Bus bus = Tributary.open("mem:")) {
 *     bus.subscribe(Subscription.to("orders").types("order.*"), event -> billing.handle(event));
 *     bus.publish("orders", Event.builder("order.created").key("42").version(2).data(order).build());
 * }
 * }</pre>
 *
 * <p>Events with the same {@linkplain Event#partitionkey() partition key} go to the same partition and
 * are handed to each subscriber in the order they were published; events without a key are spread
 * over the partitions.
 */
public interface Bus extends AutoCloseable {

    /**
     * Publishes {@code event} to {@code topic}, creating the topic if the bus may.
     *
     * @return completes with the event's position once it is committed (durable by the topic's
     *         durability mode; at once in memory), or fails with a
     *         {@link io.tributary.api.TributaryException} naming what went wrong
     * @throws BusFullException   on {@code mem:} when the topic holds as many unhandled events as it may
     *                            and the bus is set to fail (or waited as long as it may) rather than wait
     * @throws BusClosedException after {@link #close()}
     */
    CompletableFuture<EventPosition> publish(String topic, Event event);

    /**
     * Publishes an event of {@code type} with {@code data} encoded as JSON onto the
     * {@linkplain #defaultTopic() default topic}: the two-line program's call.
     *
     * @param data any value the JSON codec can write, or {@code null} for an event without data
     */
    default CompletableFuture<EventPosition> emit(String type, @Nullable Object data) {
        return publish(defaultTopic(), Event.builder(type).data(data).build());
    }

    /**
     * Starts handing the events {@code subscription} selects to {@code handler}, on the bus's worker
     * pool: one event of a partition at a time, in order; events of different partitions concurrently.
     * A handler that throws is called again per the subscription's {@link Retry}; an event that failed every
     * attempt goes, with a consumer group, to the group's dead-letter topic, then to the subscription's
     * {@link ErrorHandler}, and the next event follows.
     *
     * <p>With a {@linkplain Subscription#group(String) group}, the subscription joins the group and handles
     * the events of the partitions the group gives it, from where the group committed (from the start position
     * where it never did); it commits after each batch its handler finished. It returns once it joined and
     * opened its first partitions (at most 10 s; then it goes on joining in the background), so nothing
     * published after it returns is missed.
     *
     * @return a handle whose {@link SubscriptionHandle#close()} stops the deliveries
     */
    SubscriptionHandle subscribe(Subscription subscription, EventHandler handler);

    /** The topic {@link #emit} publishes to ({@code events} unless configured). */
    String defaultTopic();

    /** The consumer groups of this bus's transport: list, describe (lag), reset. */
    ConsumerGroups groups();

    /**
     * The dead letters of {@code deadLetterTopic} (e.g. {@code Subscription.defaultDeadLetterTopic("orders",
     * "billing")}): list, replay, purge.
     */
    DeadLetterQueue deadLetters(String deadLetterTopic);

    /**
     * Stops every subscription (the events being handled finish), waits for publishes in flight within
     * the configured close timeout, and releases the transport. Idempotent.
     */
    @Override
    void close();
}
