package io.tributary.event;

import io.tributary.api.Record;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a subscription receives: events whose type matches a {@link TypePattern} and, optionally, of exactly
 * one version (ARCHITECTURE.md §2, "Subscription"). Immutable and thread-safe.
 *
 * @param types   the type pattern
 * @param version the one version to receive, or empty for every version
 */
public record EventFilter(TypePattern types, OptionalInt version) {

    private static final EventFilter ALL = new EventFilter(TypePattern.all(), OptionalInt.empty());

    public EventFilter {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(version, "version");
        if (version.isPresent() && version.getAsInt() < 1) {
            throw new InvalidEventException("version", "filter version " + version.getAsInt() + " is out of range:"
                    + " event versions start at 1; leave the version out to receive every version");
        }
    }

    /** Every event. */
    public static EventFilter all() {
        return ALL;
    }

    /**
     * Events whose type matches {@code pattern}, any version.
     *
     * @throws InvalidEventException when {@code pattern} is invalid (see {@link TypePattern#parse})
     */
    public static EventFilter of(String pattern) {
        return new EventFilter(TypePattern.parse(pattern), OptionalInt.empty());
    }

    /**
     * Events whose type matches {@code pattern}, of version {@code version} only.
     *
     * @throws InvalidEventException when {@code pattern} is invalid or {@code version} is below 1
     */
    public static EventFilter of(String pattern, int version) {
        return new EventFilter(TypePattern.parse(pattern), OptionalInt.of(version));
    }

    /** Whether an event of this type and version passes. */
    public boolean matches(String type, int version) {
        return (this.version.isEmpty() || this.version.getAsInt() == version) && types.matches(type);
    }

    /** Whether {@code event} passes. */
    public boolean matches(Event event) {
        return matches(event.type(), event.version());
    }

    /**
     * Whether {@code record} holds an event that passes, judged by its {@code ce_type} and
     * {@code ce_version} headers alone, without decoding the event. A record that is not an event
     * ({@link EventRecords#isEvent}) or whose version header is unreadable does not pass.
     */
    public boolean matches(Record record) {
        return EventRecords.matches(record, this);
    }

    @Override
    public String toString() {
        return version.isPresent() ? types + " v" + version.getAsInt() : types.toString();
    }
}
