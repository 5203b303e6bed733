package io.tributary.internal.mem;

import io.tributary.BusFullException;
import io.tributary.BusOptions;
import io.tributary.StartPosition;
import io.tributary.event.Event;
import io.tributary.internal.Fetched;
import io.tributary.internal.PartitionReader;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory partition: a ring of the last {@code capacity} events, offsets from 0. An event stays
 * until every reader has handled it; a publish that would overwrite one a reader still needs waits
 * ({@link BusOptions.WhenFull#BLOCK}, up to {@code maxBlock}) or fails ({@link BusFullException}).
 *
 * <p>One lock guards the ring. Publishers signal readers only when one waits, and readers signal
 * publishers only when one waits, so the steady state takes no wake-ups: a reader takes up to a batch of
 * events per lock.
 */
final class MemoryPartition {

    private final String name;
    private final Event[] ring;
    /** {@code ring.length - 1} when that is a power of two (the default capacity is), else -1: see {@link #slot}. */
    private final int mask;
    private final BusOptions.WhenFull whenFull;
    private final long maxBlockNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final Condition drained = lock.newCondition();
    /** Who still needs events: the readers, and the holds of consumer groups. */
    private final CopyOnWriteArrayList<Claim> cursors = new CopyOnWriteArrayList<>();
    private long end; // guarded by lock
    /** Lowest offset a cursor still needs, as last computed; only ever stale low. Guarded by lock. */
    private long neededFrom;
    private int waitingReaders; // guarded by lock
    /** Publishers waiting for room; volatile so that a reader that made room sees it without the lock. */
    private volatile int waitingPublishers;

    MemoryPartition(String name, int capacity, BusOptions.WhenFull whenFull, Duration maxBlock) {
        this.name = name;
        this.ring = new Event[capacity];
        this.mask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
        this.whenFull = whenFull;
        this.maxBlockNanos = maxBlock.toNanos();
    }

    /**
     * Appends {@code event} and returns its offset.
     *
     * @throws BusFullException if a reader still needs the event it would overwrite and no room came
     */
    long append(Event event) throws InterruptedException {
        lock.lock();
        try {
            if (end - neededFrom >= ring.length) {
                awaitRoom();
            }
            long offset = end;
            ring[slot(offset)] = event;
            end = offset + 1;
            if (waitingReaders > 0) {
                appended.signalAll();
            }
            return offset;
        } finally {
            lock.unlock();
        }
    }

    /** A reader positioned at {@code start}, counted as needing every event from there on. */
    PartitionReader reader(StartPosition start) {
        lock.lock();
        try {
            long position = switch (start) {
                case StartPosition.Earliest earliest -> oldest();
                case StartPosition.Latest latest -> end;
                case StartPosition.AtOffset at -> Math.clamp(at.offset(), oldest(), end);
                case StartPosition.AtTime at -> firstAtOrAfter(at.time());
            };
            Cursor cursor = new Cursor(position);
            cursors.add(cursor);
            neededFrom = Math.min(neededFrom, position);
            return cursor;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest offset the ring still holds. */
    long logStartOffset() {
        lock.lock();
        try {
            return oldest();
        } finally {
            lock.unlock();
        }
    }

    /** The offset the next event gets. */
    long endOffset() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    /** The offset of the first event the ring holds whose time is at or after {@code time}, else the end. */
    long offsetForTime(Instant time) {
        lock.lock();
        try {
            return firstAtOrAfter(time);
        } finally {
            lock.unlock();
        }
    }

    // ---- under the lock ----

    private void awaitRoom() throws InterruptedException {
        long remaining = maxBlockNanos;
        // Announce the wait before reading the cursors, and a reader publishes its progress before reading
        // this count: one of the two always sees the other, so no signal is lost.
        waitingPublishers++;
        try {
            awaitRoom(remaining);
        } finally {
            waitingPublishers--;
        }
    }

    private void awaitRoom(long remaining) throws InterruptedException {
        while ((neededFrom = lowestNeeded()) + ring.length <= end) {
            if (whenFull == BusOptions.WhenFull.FAIL || remaining <= 0) {
                throw new BusFullException("in-memory partition " + name + " holds " + ring.length + " events that a"
                        + " subscriber has not handled yet (tributary.bus.partition-capacity)" + (whenFull == BusOptions.WhenFull.FAIL
                        ? "" : " and none was handled within " + Duration.ofNanos(maxBlockNanos) + " (tributary.bus.max-block)")
                        + "; speed up or add subscribers' handlers (tributary.bus.workers, partitions), raise the capacity,"
                        + " or publish less");
            }
            remaining = drained.awaitNanos(remaining);
        }
    }

    /** Where {@code offset} sits in the ring: a mask when it can, a (slower) long division when it must. */
    private int slot(long offset) {
        return mask >= 0 ? (int) (offset & mask) : (int) (offset % ring.length);
    }

    private long lowestNeeded() {
        long lowest = end;
        for (Claim claim : cursors) {
            lowest = Math.min(lowest, claim.handled);
        }
        return lowest;
    }

    private long oldest() {
        return Math.max(0, end - ring.length);
    }

    private long firstAtOrAfter(Instant time) {
        for (long offset = oldest(); offset < end; offset++) {
            if (!ring[slot(offset)].time().isBefore(time)) {
                return offset;
            }
        }
        return end;
    }

    /**
     * Holds the events from {@code offset} on in the ring, as a reader would, until {@link Hold#release()}: a
     * consumer group's committed offset, so that whichever member reads the partition next still finds them.
     */
    Hold hold(long offset) {
        lock.lock();
        try {
            Hold hold = new Hold(Math.max(offset, oldest()));
            cursors.add(hold);
            neededFrom = Math.min(neededFrom, hold.handled);
            return hold;
        } finally {
            lock.unlock();
        }
    }

    /** Someone who needs the events from {@link #handled} on. */
    private abstract static class Claim {
        /**
         * Every event before this may go; the ring keeps the rest. Written by its owner (once it is out of
         * {@code cursors}, a late write holds nothing back), read under the lock.
         */
        volatile long handled;
    }

    /** See {@link #hold(long)}. Moves and releases are called by one thread at a time. */
    final class Hold extends Claim {

        private Hold(long offset) {
            this.handled = offset;
        }

        /** Holds from {@code offset} on instead; it may only grow. */
        void move(long offset) {
            if (offset > handled) {
                handled = offset;
                signalRoom();
            }
        }

        void release() {
            cursors.remove(this);
            handled = Long.MAX_VALUE;
            signalRoom();
        }
    }

    /** Wakes publishers waiting for room, if any (a reader publishes its progress before reading the count). */
    private void signalRoom() {
        if (waitingPublishers > 0) {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** One subscription's position in this partition. */
    private final class Cursor extends Claim implements PartitionReader {
        private long next;

        Cursor(long position) {
            this.next = position;
            this.handled = position;
        }

        @Override
        public Fetched next(int maxEvents, Duration wait) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                long remaining = wait.toNanos();
                while (next >= end && remaining > 0) {
                    waitingReaders++;
                    try {
                        remaining = appended.awaitNanos(remaining);
                    } finally {
                        waitingReaders--;
                    }
                }
                int count = (int) Math.min(maxEvents, end - next);
                if (count <= 0) {
                    return Fetched.none(next);
                }
                Event[] events = new Event[count];
                long[] offsets = new long[count];
                for (int i = 0; i < count; i++) {
                    long offset = next + i;
                    events[i] = ring[slot(offset)];
                    offsets[i] = offset;
                }
                next += count;
                return new Fetched(events, offsets, count, next);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long position() {
            lock.lock();
            try {
                return next;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void handledUpTo(long offset) {
            handled = offset;
            signalRoom();
        }

        @Override
        public void close() {
            cursors.remove(this);
            handledUpTo(Long.MAX_VALUE); // no longer holds events back
        }
    }
}
