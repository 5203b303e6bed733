package io.tributary.bench;

import java.util.concurrent.Semaphore;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One benchmark thread's bound on asynchronous sends not yet acknowledged: {@link #acquire()} before a
 * send, {@link #release()} when it completes. With it, a throughput benchmark of an asynchronous API
 * measures the acknowledged rate, not how fast requests pile up; every iteration ends once all sends of
 * the thread have completed.
 */
@State(Scope.Thread)
public class OutstandingWindow {

    /** Sends a thread may have outstanding. */
    public static final int SIZE = 1024;

    private final Semaphore slots = new Semaphore(SIZE);

    /** Waits for a free slot. */
    public void acquire() throws InterruptedException {
        slots.acquire();
    }

    /** A send completed (either way). */
    public void release() {
        slots.release();
    }

    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        slots.acquire(SIZE);
        slots.release(SIZE);
    }
}
