package io.tributary.group;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Where {@link GroupCoordinator#resetOffsets} moves a group's committed offsets, in each partition. The
 * coordinator's counterpart of the bus's {@code StartPosition} (same four forms): this module sits below the bus
 * and cannot use it.
 */
public sealed interface OffsetReset {

    /** The partition's first offset. */
    static OffsetReset earliest() {
        return Earliest.INSTANCE;
    }

    /** The partition's end: only events published later are handled. */
    static OffsetReset latest() {
        return Latest.INSTANCE;
    }

    /** {@code offset} in every partition, clamped between its first offset and its end. */
    static OffsetReset offset(long offset) {
        return new ToOffset(offset);
    }

    /** The first record whose timestamp is at or after {@code time} (the end when there is none). */
    static OffsetReset time(Instant time) {
        return new ToTime(time);
    }

    /**
     * Reads {@code earliest}, {@code latest}, an offset ({@code 42}) or an RFC 3339 time
     * ({@code 2026-11-30T08:00:00Z}).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static OffsetReset parse(String text) {
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(java.util.Locale.ROOT)) {
            case "earliest" -> {
                return earliest();
            }
            case "latest" -> {
                return latest();
            }
            default -> {
                // fall through to the number and time forms
            }
        }
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return offset(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("offset " + trimmed + " is too large", e);
            }
        }
        try {
            return time(Instant.parse(trimmed));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a reset position: use earliest, latest, an offset"
                    + " (42) or a time (2026-11-30T08:00:00Z)", e);
        }
    }

    /** See {@link #earliest()}. */
    enum Earliest implements OffsetReset {
        INSTANCE;

        @Override
        public String toString() {
            return "earliest";
        }
    }

    /** See {@link #latest()}. */
    enum Latest implements OffsetReset {
        INSTANCE;

        @Override
        public String toString() {
            return "latest";
        }
    }

    /** See {@link #offset(long)}. */
    record ToOffset(long offset) implements OffsetReset {
        public ToOffset {
            if (offset < 0) {
                throw new IllegalArgumentException("a reset offset cannot be negative, was " + offset);
            }
        }

        @Override
        public String toString() {
            return Long.toString(offset);
        }
    }

    /** See {@link #time(Instant)}. */
    record ToTime(Instant time) implements OffsetReset {
        public ToTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String toString() {
            return time.toString();
        }
    }
}
