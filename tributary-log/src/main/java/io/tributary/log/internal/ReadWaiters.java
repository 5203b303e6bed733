package io.tributary.log.internal;

import io.tributary.log.LogClosedException;
import io.tributary.log.LogConfig;
import io.tributary.log.LogException;
import io.tributary.log.ReadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads waiting for records to be committed at their offset (long polls). Bounded by {@code
 * tributary.log.max-read-waiters}. A waiter completes when the commit point passes its offset, or
 * with whatever the read finds (usually {@link ReadResult.NoRecords}) at its deadline.
 *
 * <p>Waiters complete on the scheduler's thread, never on the commit thread, so a slow consumer
 * callback cannot delay the next fsync.
 */
final class ReadWaiters {

    private final int capacity;
    private final ScheduledExecutorService scheduler;
    private final List<Waiter> waiters = new ArrayList<>();

    private static final class Waiter {
        final long offset;
        final Supplier<ReadResult> read;
        final CompletableFuture<ReadResult> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> deadline;

        Waiter(long offset, Supplier<ReadResult> read) {
            this.offset = offset;
            this.read = read;
        }

        void complete(Executor executor) {
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            executor.execute(() -> {
                try {
                    future.complete(read.get());
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
        }
    }

    ReadWaiters(int capacity, ScheduledExecutorService scheduler) {
        this.capacity = capacity;
        this.scheduler = scheduler;
    }

    /**
     * Waits until {@code committedEnd} exceeds {@code offset} or {@code maxWait} passes, then
     * completes with {@code read}.
     */
    CompletableFuture<ReadResult> await(long offset, Duration maxWait, LongSupplier committedEnd, Supplier<ReadResult> read) {
        Waiter waiter = new Waiter(offset, read);
        synchronized (this) {
            if (waiters.size() >= capacity) {
                return CompletableFuture.failedFuture(new LogException(waiters.size() + " reads are already waiting for "
                        + "new records, the limit " + LogConfig.MAX_READ_WAITERS.name() + " = " + capacity
                        + "; raise it or poll less often"));
            }
            waiters.add(waiter);
        }
        waiter.deadline = scheduler.schedule(() -> {
            if (remove(waiter)) {
                waiter.complete(Runnable::run);
            }
        }, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        // Checked after registering: a commit that landed in between found no waiter to wake.
        if (committedEnd.getAsLong() > offset && remove(waiter)) {
            waiter.complete(scheduler);
        }
        return waiter.future;
    }

    /** The commit point moved to {@code committedEnd}: completes every waiter it reached. */
    void committed(long committedEnd) {
        List<Waiter> ready;
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            ready = new ArrayList<>();
            waiters.removeIf(waiter -> {
                if (waiter.offset < committedEnd) {
                    ready.add(waiter);
                    return true;
                }
                return false;
            });
        }
        for (Waiter waiter : ready) {
            waiter.complete(scheduler);
        }
    }

    /** Fails every waiter (the log closed). */
    void closeAll(String reason) {
        List<Waiter> all;
        synchronized (this) {
            all = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (Waiter waiter : all) {
            ScheduledFuture<?> timer = waiter.deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            waiter.future.completeExceptionally(new LogClosedException(reason));
        }
    }

    synchronized int size() {
        return waiters.size();
    }

    private synchronized boolean remove(Waiter waiter) {
        return waiters.remove(waiter);
    }
}
