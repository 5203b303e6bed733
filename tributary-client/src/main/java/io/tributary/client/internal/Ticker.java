package io.tributary.client.internal;

/** A source of monotonic nanoseconds; injected so that tests can move time by hand. */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin, never decreasing. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
