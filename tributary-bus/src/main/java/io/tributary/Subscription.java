package io.tributary;

import io.tributary.api.TopicName;
import io.tributary.event.EventFilter;
import io.tributary.event.TypePattern;
import io.tributary.group.GroupName;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber receives and how failures are handled: events of some topics, optionally only of
 * matching types and one version, from a start position; optionally shared with a consumer group; with a
 * retry policy, a dead-letter topic and lifecycle hooks. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Subscription.to("orders").group("billing").types("order.*")
 *         .retry(Retry.attempts(3).backoff(Duration.ofMillis(100)))
 * }</pre>
 *
 * <p><b>Without a group</b> every subscription receives every event, from its start position. <b>With a
 * group</b>, the group's members (subscriptions of that group, in this process or others) share the
 * partitions: each event is handled by one member, and the group resumes where it committed — the start
 * position only applies to partitions the group never committed. Offsets are committed after the handler
 * finished (at least once), unless the subscription {@linkplain #manualCommit() commits manually}.
 *
 * <p><b>Failures.</b> A handler that throws is called again per the {@link #retry() retry policy} (default
 * 3 attempts); an event that failed every attempt is, with a group, written to the group's dead-letter
 * topic ({@code <topic>.<group>.dlq} unless {@linkplain #deadLetterTopic(String) configured}) with its
 * origin, attempts and last error; then the {@link ErrorHandler} is told and the next event follows.
 *
 * @param topics          the topics, at least one, each a valid topic name
 * @param filter          the types and version handed to the handler; other events are skipped
 * @param start           where each partition is read from (with a group: where a partition the group never
 *                        committed starts)
 * @param group           the consumer group, or {@code null}
 * @param errorHandler    told about each event that failed every attempt
 * @param retry           how often, and how far apart, the handler is called for one event
 * @param deadLetterTopic with a group, where events that failed every attempt go; {@code null} for
 *                        {@code <topic>.<group>.dlq}
 * @param listener        lifecycle hooks
 * @param commitsManually with a group, whether offsets are committed only by {@link SubscriptionHandle#commit()}
 */
public record Subscription(List<String> topics, EventFilter filter, StartPosition start, @Nullable String group,
        ErrorHandler errorHandler, Retry retry, @Nullable String deadLetterTopic, SubscriptionListener listener,
        boolean commitsManually) {

    /** What a group's dead-letter topic is named after, for a subscription that does not name one. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public Subscription {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a subscription names at least one topic");
        }
        topics.forEach(TopicName::of);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(errorHandler, "errorHandler");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(listener, "listener");
        if (group != null) {
            GroupName.of(group);
            if (deadLetterTopic == null) {
                for (String topic : topics) {
                    String name = defaultDeadLetterTopic(topic, group);
                    if (!TopicName.isValid(name)) {
                        throw new IllegalArgumentException("the dead-letter topic of group " + group + " on " + topic
                                + " would be " + name + ", which is " + name.length() + " characters, more than "
                                + TopicName.MAX_LENGTH + "; shorten the group name or name a dead-letter topic with"
                                + " deadLetterTopic(...)");
                    }
                }
            }
        }
        if (deadLetterTopic != null) {
            TopicName.of(deadLetterTopic);
            if (group == null) {
                throw new IllegalArgumentException("dead-letter topic " + deadLetterTopic + " is set on a subscription to "
                        + topics + " without a group; dead letters belong to a consumer group: add group(...)");
            }
        }
        if (commitsManually && group == null) {
            throw new IllegalArgumentException("a subscription to " + topics + " without a group has no committed offsets;"
                    + " add group(...) to commit manually");
        }
    }

    /** Every event of {@code topics}, from the latest; 3 attempts per event; errors and lifecycle logged. */
    public static Subscription to(String... topics) {
        return new Subscription(Arrays.asList(topics), EventFilter.all(), StartPosition.latest(), null,
                ErrorHandler.logging(), Retry.defaults(), null, SubscriptionListener.logging(), false);
    }

    /** Only events whose type matches {@code pattern} (see {@link TypePattern}: {@code order.*}, {@code order.>}). */
    public Subscription types(String pattern) {
        return withFilter(new EventFilter(TypePattern.parse(pattern), filter.version()));
    }

    /** Only events of exactly this version. */
    public Subscription version(int version) {
        return withFilter(new EventFilter(filter.types(), OptionalInt.of(version)));
    }

    /** Where to start reading (with a group: partitions the group never committed). */
    public Subscription from(StartPosition position) {
        return new Subscription(topics, filter, position, group, errorHandler, retry, deadLetterTopic, listener,
                commitsManually);
    }

    /**
     * Shares the events with the other members of group {@code name}: each event is handled by one of them.
     *
     * @throws io.tributary.group.InvalidGroupNameException if the name breaks the topic-name rule
     */
    public Subscription group(String name) {
        return new Subscription(topics, filter, start, Objects.requireNonNull(name, "name"), errorHandler, retry,
                deadLetterTopic, listener, commitsManually);
    }

    /** Who is told about events that failed every attempt (default {@link ErrorHandler#logging()}). */
    public Subscription onError(ErrorHandler handler) {
        return new Subscription(topics, filter, start, group, handler, retry, deadLetterTopic, listener, commitsManually);
    }

    /** How often the handler is called for one event (default {@link Retry#defaults()}: 3 attempts). */
    public Subscription retry(Retry policy) {
        return new Subscription(topics, filter, start, group, errorHandler, policy, deadLetterTopic, listener,
                commitsManually);
    }

    /** With a group: writes events that failed every attempt to {@code topic} instead of {@code <topic>.<group>.dlq}. */
    public Subscription deadLetterTopic(String topic) {
        return new Subscription(topics, filter, start, group, errorHandler, retry, Objects.requireNonNull(topic, "topic"),
                listener, commitsManually);
    }

    /** The lifecycle hooks (default {@link SubscriptionListener#logging()}; chain several with {@code andThen}). */
    public Subscription listener(SubscriptionListener hooks) {
        return new Subscription(topics, filter, start, group, errorHandler, retry, deadLetterTopic, hooks, commitsManually);
    }

    /**
     * With a group: commits offsets only when the application calls {@link SubscriptionHandle#commit()}, e.g.
     * after a database transaction covering several events. Events handled but not committed are handled
     * again by whichever member next holds their partition.
     */
    public Subscription manualCommit() {
        return new Subscription(topics, filter, start, group, errorHandler, retry, deadLetterTopic, listener, true);
    }

    /**
     * Where this subscription's events of {@code topic} go when they fail every attempt.
     *
     * @throws IllegalStateException without a group
     */
    public String deadLetterTopicFor(String topic) {
        if (group == null) {
            throw new IllegalStateException("a subscription to " + topics + " without a group has no dead-letter topic");
        }
        return deadLetterTopic != null ? deadLetterTopic : defaultDeadLetterTopic(topic, group);
    }

    /** {@code <topic>.<group>.dlq}: where a group's events of {@code topic} that failed every attempt go by default. */
    public static String defaultDeadLetterTopic(String topic, String group) {
        return topic + "." + group + DEAD_LETTER_SUFFIX;
    }

    /** This subscription with {@code changed} as its filter. */
    Subscription withFilter(EventFilter changed) {
        return new Subscription(topics, changed, start, group, errorHandler, retry, deadLetterTopic, listener,
                commitsManually);
    }
}
