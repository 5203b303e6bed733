package io.tributary.client.internal;

import io.tributary.api.TributaryException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt {@code n} (from 0) waits {@code initial × 2ⁿ}, capped at
 * {@code max}, then scaled by a random factor in [0.8, 1.0] so that clients that failed together do not
 * retry together. Immutable.
 *
 * @param initial wait before the first retry
 * @param max     longest wait
 * @param jitter  source of the random factor's randomness, in [0, 1)
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier jitter) {

    /** What a caller-thread retry loop of the client waits: 50 ms doubling to 1 s. */
    public static final Backoff CALLER = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1),
            () -> ThreadLocalRandom.current().nextDouble());

    /** The wait before retry {@code attempt} (0 for the first retry), in nanoseconds. */
    public long delayNanos(int attempt) {
        long cap = max.toNanos();
        long delay = Math.min(initial.toNanos(), cap);
        for (int i = 0; i < attempt && delay < cap; i++) {
            delay = delay > cap / 2 ? cap : delay * 2;
        }
        return (long) (delay * (0.8 + 0.2 * jitter.getAsDouble()));
    }

    /** Sleeps {@link #CALLER}'s wait for {@code attempt}, but never past {@code deadline}. */
    public static void sleep(int attempt, Deadline deadline, String what) {
        long nanos = Math.min(CALLER.delayNanos(attempt), deadline.remainingNanos());
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting to retry " + what, e);
        }
    }
}
