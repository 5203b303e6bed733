package io.tributary.cli.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT turned into something the main thread waits for, so that the process can stop
 * gracefully and still exit 0.
 *
 * <p><b>Why {@code sun.misc.Signal}</b> (module {@code jdk.unsupported}, exported and supported for exactly
 * this use): on SIGTERM the JVM's own handler runs the shutdown hooks and then exits with 143 (128 + 15)
 * whatever the hooks do, so a hook cannot report a clean stop. Handling the signals ourselves keeps the JVM
 * running: the main thread wakes, closes the worker and returns its exit code. There is no portable API for
 * this; if the JVM refuses the handlers (e.g. {@code -Xrs}), {@link #install} fails with a message saying so.
 *
 * <p>The first signal releases {@link #await()}; a second one interrupts the thread that installed the
 * handlers, so that a user who presses Ctrl-C twice is not kept waiting for the close. {@link #close()}
 * restores the handlers that were there before. Thread-safe.
 */
final class TerminationSignals implements AutoCloseable {

    private static final List<String> NAMES = List.of("TERM", "INT");

    private final CountDownLatch first = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<String> firstName = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final Thread owner;

    private TerminationSignals(Thread owner) {
        this.owner = owner;
    }

    /**
     * Handles SIGTERM and SIGINT from now on, on the JVM's signal thread; the calling thread is the one a
     * second signal interrupts.
     *
     * @throws IllegalStateException if the JVM does not let the process handle them
     */
    static TerminationSignals install() {
        TerminationSignals signals = new TerminationSignals(Thread.currentThread());
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, signals::received));
            } catch (IllegalArgumentException inUse) {
                signals.close();
                throw new IllegalStateException("cannot handle SIG" + name + " (" + inUse.getMessage() + "), so the worker"
                        + " could not stop gracefully; run it without -Xrs", inUse);
            }
        }
        return signals;
    }

    /**
     * Blocks until the first SIGTERM or SIGINT.
     *
     * @return its name, e.g. {@code SIGTERM}
     */
    String await() throws InterruptedException {
        first.await();
        return firstName.get();
    }

    /** Puts back the handlers that were there before {@link #install()}. Idempotent. */
    @Override
    public void close() {
        synchronized (previous) {
            previous.forEach(Signal::handle);
            previous.clear();
        }
    }

    private void received(Signal signal) {
        if (received.incrementAndGet() == 1) {
            firstName.set("SIG" + signal.getName());
            first.countDown();
        } else {
            owner.interrupt();
        }
    }
}
