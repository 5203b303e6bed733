package io.tributary.cli;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, bounded, for a condition that another thread or process makes true; checks every 50 ms (never spins). */
public final class Await {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Await() {
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} and {@code state} if it did not within {@code bound}
     */
    public static void until(Duration bound, String what, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + bound + ": " + what + "; " + state.get());
            }
            Thread.sleep(PAUSE);
        }
    }

    public static void until(Duration bound, String what, BooleanSupplier condition) throws InterruptedException {
        until(bound, what, condition, () -> "");
    }
}
