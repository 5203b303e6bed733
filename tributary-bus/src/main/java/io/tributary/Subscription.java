package io.tributary;

import io.tributary.api.TopicName;
import io.tributary.event.EventFilter;
import io.tributary.event.TypePattern;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber receives: events of some topics, optionally only of matching types and one version,
 * from a start position. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Subscription.to("orders").types("order.*").version(2).from(StartPosition.earliest())
 * }</pre>
 *
 * @param topics       the topics, at least one, each a valid topic name
 * @param filter       the types and version handed to the handler; other events are skipped
 * @param start        where each partition is read from
 * @param group        the consumer group, or {@code null}: without a group every subscription receives
 *                     every event
 * @param errorHandler told about each event whose handler threw
 */
public record Subscription(List<String> topics, EventFilter filter, StartPosition start, @Nullable String group,
        ErrorHandler errorHandler) {

    public Subscription {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a subscription names at least one topic");
        }
        topics.forEach(TopicName::of);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(errorHandler, "errorHandler");
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("a group name cannot be blank; leave it out for a subscription without a group");
        }
    }

    /** Every event of {@code topics}, from the latest, errors logged. */
    public static Subscription to(String... topics) {
        return new Subscription(Arrays.asList(topics), EventFilter.all(), StartPosition.latest(), null,
                ErrorHandler.logging());
    }

    /** Only events whose type matches {@code pattern} (see {@link TypePattern}: {@code order.*}, {@code order.>}). */
    public Subscription types(String pattern) {
        return new Subscription(topics, new EventFilter(TypePattern.parse(pattern), filter.version()), start, group,
                errorHandler);
    }

    /** Only events of exactly this version. */
    public Subscription version(int version) {
        return new Subscription(topics, new EventFilter(filter.types(), OptionalInt.of(version)), start, group,
                errorHandler);
    }

    /** Where to start reading. */
    public Subscription from(StartPosition position) {
        return new Subscription(topics, filter, position, group, errorHandler);
    }

    /** Shares the events with the other members of {@code name}. */
    public Subscription group(String name) {
        return new Subscription(topics, filter, start, Objects.requireNonNull(name, "name"), errorHandler);
    }

    /** Who is told about handler failures (default {@link ErrorHandler#logging()}). */
    public Subscription onError(ErrorHandler handler) {
        return new Subscription(topics, filter, start, group, handler);
    }
}
