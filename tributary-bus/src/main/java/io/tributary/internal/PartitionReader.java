package io.tributary.internal;

import java.time.Duration;

/**
 * Reads one partition for one subscription, from its start position onwards. Used by one thread at a
 * time (the subscription's feed of that partition).
 */
public interface PartitionReader extends AutoCloseable {

    /**
     * The next events, up to {@code maxEvents}, waiting up to {@code wait} when there are none yet.
     * Records that are not events are skipped. Interruptible where the transport allows; otherwise
     * returns within {@code wait}.
     *
     * @return the events (possibly none) and the offset to read next
     */
    Fetched next(int maxEvents, Duration wait) throws InterruptedException;

    /** Every event before {@code offset} has been handled; an in-memory partition may let them go. */
    default void handledUpTo(long offset) {
    }

    @Override
    default void close() {
    }
}
