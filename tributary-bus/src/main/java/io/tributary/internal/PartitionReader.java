package io.tributary.internal;

import java.time.Duration;

/**
 * Reads one partition for one subscription, from its start position onwards. {@link #next} and
 * {@link #close} are called by one thread at a time (the subscription's feed of that partition);
 * {@link #handledUpTo} by the worker that handled a batch, so possibly while {@link #next} runs on the
 * feed, but never concurrently with itself (the feed hands a batch over only after the previous one was
 * handled), with offsets that only grow.
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

    /**
     * The offset of the next event {@link #next} hands out (or of the record it reads next): right after
     * opening, where the start position resolved to. A consumer group commits it for a partition it took
     * but has not handled anything of yet.
     */
    long position();

    /** Every event before {@code offset} has been handled; an in-memory partition may let them go. */
    default void handledUpTo(long offset) {
    }

    @Override
    default void close() {
    }
}
