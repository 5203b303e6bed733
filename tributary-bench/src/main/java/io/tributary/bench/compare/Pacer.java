package io.tributary.bench.compare;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends by their <em>intended</em> times, as {@code tributary bench e2e}'s {@code RateLimiter} does
 * (package-private in tributary-cli, hence this twin): a sender that falls behind sends what is due at once,
 * and latency is measured from the intended time, so stalls show (no coordinated omission). Parks between
 * sends; never spins.
 */
final class Pacer {

    private final long startNanos;
    private final double intervalNanos;
    private long issued;

    /** {@code perSecond} of 0 or less: as fast as possible. */
    Pacer(long startNanos, double perSecond) {
        this.startNanos = startNanos;
        this.intervalNanos = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    /**
     * Waits until the next send is due and returns its intended time ({@link System#nanoTime()} scale);
     * unpaced, returns now. {@code beforeWait} runs once when there is time to wait.
     */
    long awaitNext(Runnable beforeWait) {
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
