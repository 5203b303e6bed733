package io.tributary.internal;

import io.tributary.event.Event;
import java.util.Arrays;

/**
 * Events read from one partition: {@code events[i]} sits at {@code offsets[i]}, for {@code i <
 * count}; {@code nextOffset} is where to read next (past skipped records too). Arrays rather than a list
 * of pairs because {@code mem:} moves millions of events a second through here. A reader hands out
 * fresh arrays with every call (the previous batch may still be being handled); nobody changes them.
 */
public record Fetched(Event[] events, long[] offsets, int count, long nextOffset) {

    private static final Event[] NO_EVENTS = new Event[0];
    private static final long[] NO_OFFSETS = new long[0];

    public Fetched {
        if (count < 0 || count > events.length || count > offsets.length) {
            throw new IllegalArgumentException("count " + count + " does not fit arrays of " + events.length
                    + " events and " + offsets.length + " offsets");
        }
    }

    /** Nothing arrived; read {@code nextOffset} again. */
    public static Fetched none(long nextOffset) {
        return new Fetched(NO_EVENTS, NO_OFFSETS, 0, nextOffset);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public String toString() {
        return "Fetched[" + count + " events, offsets " + Arrays.toString(Arrays.copyOf(offsets, Math.min(count, 3)))
                + (count > 3 ? "..." : "") + ", next " + nextOffset + "]";
    }
}
