package io.tributary;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a new subscription starts reading each partition. Without a group, every subscription starts
 * at its start position; {@link #latest()} is the default, as with Kafka's {@code auto.offset.reset}.
 */
public sealed interface StartPosition {

    /** The oldest event the partition still holds. */
    static StartPosition earliest() {
        return Earliest.INSTANCE;
    }

    /** Only events published after the subscription started. */
    static StartPosition latest() {
        return Latest.INSTANCE;
    }

    /**
     * The event at {@code offset} in every partition (below a partition's oldest event: its oldest; past
     * its end: its end).
     */
    static StartPosition offset(long offset) {
        return new AtOffset(offset);
    }

    /** The first event whose {@linkplain io.tributary.event.Event#time() time} is at or after {@code time}. */
    static StartPosition time(Instant time) {
        return new AtTime(time);
    }

    /** See {@link #earliest()}. */
    enum Earliest implements StartPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "earliest";
        }
    }

    /** See {@link #latest()}. */
    enum Latest implements StartPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "latest";
        }
    }

    /** See {@link #offset(long)}. */
    record AtOffset(long offset) implements StartPosition {
        public AtOffset {
            if (offset < 0) {
                throw new IllegalArgumentException("a start offset cannot be negative, was " + offset);
            }
        }
    }

    /** See {@link #time(Instant)}. */
    record AtTime(Instant time) implements StartPosition {
        public AtTime {
            Objects.requireNonNull(time, "time");
        }
    }
}
