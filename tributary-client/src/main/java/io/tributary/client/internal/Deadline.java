package io.tributary.client.internal;

import java.time.Duration;

/**
 * A point in {@link Ticker} time by which a call must be done. Immutable.
 *
 * @param ticker  the time source
 * @param atNanos the deadline, in the ticker's nanoseconds
 */
public record Deadline(Ticker ticker, long atNanos) {

    /** The deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout, Ticker ticker) {
        return new Deadline(ticker, ticker.nanoTime() + saturatedNanos(timeout));
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        return Math.max(0, atNanos - ticker.nanoTime());
    }

    public boolean expired() {
        return remainingNanos() == 0;
    }

    /** This deadline moved later by {@code extra}. */
    public Deadline plus(Duration extra) {
        return new Deadline(ticker, atNanos + saturatedNanos(extra));
    }

    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4;
        }
    }
}
