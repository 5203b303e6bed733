package io.tributary;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a subscription calls its handler for one event before giving up on it, and how long it waits
 * between calls: exponential backoff with jitter, capped. Once the attempts are spent, an event of a
 * consumer group goes to the group's dead-letter topic; either way the subscription's {@link ErrorHandler}
 * is told and the next event follows. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Retry.attempts(5).backoff(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(5))
 * }</pre>
 *
 * <p>The wait before attempt {@code n + 1} is {@code backoff × multiplier^(n-1)}, capped at {@code maxDelay},
 * then shortened by a random part of up to {@code jitter} of it, so that many failing consumers do not retry
 * in step and no wait exceeds {@code maxDelay}. The partition's later events wait too: a partition's events
 * are handled in order.
 *
 * @param attempts   calls of the handler per event, 1 (no retry) to {@value #MAX_ATTEMPTS}
 * @param backoff    wait after the first failure
 * @param multiplier growth of the wait per further failure, at least 1
 * @param maxDelay   longest wait, at least {@code backoff}, at most {@link #MAX_DELAY}
 * @param jitter     how much of each wait may be cut at random, from 0 (none) to 1 (anything from 0 to the wait)
 */
public record Retry(int attempts, Duration backoff, double multiplier, Duration maxDelay, double jitter) {

    /** Most attempts per event: retries are bounded, so a poison event ends in the dead-letter topic. */
    public static final int MAX_ATTEMPTS = 1000;
    /** Longest wait between two attempts. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
    private static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);
    private static final double DEFAULT_MULTIPLIER = 2.0;
    private static final double DEFAULT_JITTER = 0.2;

    public Retry {
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("retry attempts must be 1 to " + MAX_ATTEMPTS + " (1 = no retry), was "
                    + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("retry backoff cannot be negative, was " + backoff);
        }
        if (maxDelay.compareTo(backoff) < 0 || maxDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("retry max delay must be between the backoff (" + backoff + ") and "
                    + MAX_DELAY + ", was " + maxDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("retry jitter must be between 0 and 1, was " + jitter);
        }
    }

    /**
     * The default: 3 attempts, 100 ms after the first failure, doubling, at most 10 s, 20 % jitter.
     */
    public static Retry defaults() {
        return attempts(3);
    }

    /** {@code attempts} calls per event, with the default waits (100 ms, doubling, at most 10 s, 20 % jitter). */
    public static Retry attempts(int attempts) {
        return new Retry(attempts, DEFAULT_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_DELAY, DEFAULT_JITTER);
    }

    /** One call per event: a failure goes straight to the dead-letter topic (with a group) and the error handler. */
    public static Retry none() {
        return attempts(1);
    }

    /** Waits {@code initial} after the first failure (the max delay grows to it if it was shorter). */
    public Retry backoff(Duration initial) {
        Objects.requireNonNull(initial, "initial");
        Duration cap = maxDelay.compareTo(initial) < 0 ? initial : maxDelay;
        return new Retry(attempts, initial, multiplier, cap, jitter);
    }

    /** Grows the wait by {@code factor} per further failure (1 keeps it constant). */
    public Retry multiplier(double factor) {
        return new Retry(attempts, backoff, factor, maxDelay, jitter);
    }

    /** Waits at most {@code max} between two attempts. */
    public Retry maxDelay(Duration max) {
        return new Retry(attempts, backoff, multiplier, max, jitter);
    }

    /** Cuts each wait by a random part of up to {@code fraction} of it. */
    public Retry jitter(double fraction) {
        return new Retry(attempts, backoff, multiplier, maxDelay, fraction);
    }

    /**
     * The wait before the next attempt after {@code failures} failed ones (1 or more).
     *
     * @param random the source of the jitter
     */
    public Duration delayAfter(int failures, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("the delay follows a failure; failures must be at least 1, was " + failures);
        }
        double nanos = backoff.toNanos() * Math.pow(multiplier, failures - 1);
        nanos = Math.min(nanos, maxDelay.toNanos());
        if (jitter > 0) {
            nanos *= 1 - jitter * random.nextDouble();
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    @Override
    public String toString() {
        return attempts == 1 ? "Retry.none()" : "Retry.attempts(" + attempts + ").backoff(" + backoff + ").multiplier("
                + multiplier + ").maxDelay(" + maxDelay + ").jitter(" + jitter + ")";
    }
}
