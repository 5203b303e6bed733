package io.tributary.cli.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends at a fixed rate by their <em>intended</em> times: a sender that falls behind sends what
 * is due at once and latency is measured from the intended time, so a stall shows in the latency
 * (no coordinated omission). Sleeps between sends; never spins.
 */
final class RateLimiter {

    private final long startNanos;
    private final double intervalNanos;
    private long issued;

    /** {@code perSecond} of 0 means as fast as possible. */
    RateLimiter(long startNanos, double perSecond) {
        this.startNanos = startNanos;
        this.intervalNanos = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    /** Waits until the next send is due and returns its intended time (nanoTime). */
    long awaitNext() {
        long intended = startNanos + (long) (issued++ * intervalNanos);
        long now;
        while ((now = System.nanoTime()) < intended) {
            LockSupport.parkNanos(intended - now);
        }
        return intervalNanos == 0 ? now : intended;
    }
}
