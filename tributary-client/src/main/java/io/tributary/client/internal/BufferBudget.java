package io.tributary.client.internal;

import io.tributary.api.TributaryException;
import io.tributary.api.config.ByteSize;
import io.tributary.client.BatcherClosedException;
import io.tributary.client.BatcherFullException;
import io.tributary.client.ProducerOptions;
import io.tributary.client.RecordTooLargeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's bound on bytes of unacknowledged records. A record reserves its size when it is sent
 * and releases it when its future completes. Thread-safe; {@link #reserve} may block the sending thread
 * (with {@link ProducerOptions.WhenFull#BLOCK}), never longer than {@code maxBlock}.
 */
final class BufferBudget {

    private final long capacity;
    private final ProducerOptions.WhenFull whenFull;
    private final Duration maxBlock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;
    private boolean closed;

    BufferBudget(long capacity, ProducerOptions.WhenFull whenFull, Duration maxBlock) {
        this.capacity = capacity;
        this.whenFull = whenFull;
        this.maxBlock = maxBlock;
    }

    /**
     * Takes {@code bytes} of the buffer, waiting for room if the policy says so.
     *
     * @throws RecordTooLargeException if {@code bytes} exceeds the whole buffer
     * @throws BatcherFullException    if there is no room (at once, or after {@code maxBlock})
     * @throws BatcherClosedException  if the producer closes meanwhile
     */
    void reserve(int bytes) {
        if (bytes > capacity) {
            throw new RecordTooLargeException("a record of about " + ByteSize.ofBytes(bytes) + " exceeds "
                    + ProducerOptions.BUFFER_BYTES.name() + " = " + ByteSize.ofBytes(capacity)
                    + "; raise it or send smaller records");
        }
        lock.lock();
        try {
            long waitNanos = maxBlock.toNanos();
            while (!closed && used + bytes > capacity) {
                if (whenFull == ProducerOptions.WhenFull.FAIL || waitNanos <= 0) {
                    throw full(bytes);
                }
                waitNanos = released.awaitNanos(waitNanos);
            }
            if (closed) {
                throw new BatcherClosedException("the producer closed while the record waited for room in its buffer");
            }
            used += bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for room in the producer's buffer", e);
        } finally {
            lock.unlock();
        }
    }

    /** Gives back bytes of records that completed. */
    void release(long bytes) {
        lock.lock();
        try {
            used -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every sender waiting for room; they fail with {@link BatcherClosedException}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    private BatcherFullException full(int bytes) {
        String waited = whenFull == ProducerOptions.WhenFull.FAIL ? ""
                : " after waiting " + maxBlock + " (" + ProducerOptions.MAX_BLOCK.name() + ")";
        return new BatcherFullException("the producer's buffer holds " + ByteSize.ofBytes(used) + " of "
                + ProducerOptions.BUFFER_BYTES.name() + " = " + ByteSize.ofBytes(capacity)
                + " and has no room for a record of about " + ByteSize.ofBytes(bytes) + waited
                + "; raise " + ProducerOptions.BUFFER_BYTES.name() + ", send less, or check why records are not acknowledged");
    }
}
