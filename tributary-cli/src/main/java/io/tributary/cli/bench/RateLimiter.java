package io.tributary.cli.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends at a fixed rate by their <em>intended</em> times: a sender that falls behind sends what
 * is due at once and latency is measured from the intended time, so a stall shows in the latency
 * (no coordinated omission). Sleeps between sends; never spins. Also used by the side-by-side harness in
 * tributary-bench, so that every system is paced the same way.
 */
public final class RateLimiter {

    private final long startNanos;
    private final double intervalNanos;
    private long issued;

    /** {@code perSecond} of 0 means as fast as possible. */
    public RateLimiter(long startNanos, double perSecond) {
        this.startNanos = startNanos;
        this.intervalNanos = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    /** Waits until the next send is due and returns its intended time (nanoTime); unpaced, returns now. */
    public long awaitNext() {
        return awaitNext(() -> { });
    }

    /** Like {@link #awaitNext()}; {@code beforeWait} runs once when there is time to wait (e.g. to flush). */
    public long awaitNext(Runnable beforeWait) {
        long intended = startNanos + (long) (issued++ * intervalNanos);
        long now = System.nanoTime();
        if (now < intended) {
            beforeWait.run();
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
        }
        return intervalNanos == 0 ? now : intended;
    }
}
