package io.tributary.protocol;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap a piece of code allocates on the calling thread (HotSpot's per-thread allocation
 * counter), so a test can state "decoding this frame allocated less than 64 KiB" instead of hoping an
 * {@link OutOfMemoryError} would have shown up.
 */
final class AllocationProbe {

    private AllocationProbe() {
    }

    /**
     * Bytes {@code action} allocates on this thread. Runs it once beforehand so that class loading and
     * the bootstrap of string concatenation are not counted. Skips the test on a JVM without the counter.
     */
    static long bytesAllocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = threads();
        action.run();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static com.sun.management.ThreadMXBean threads() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        return threads;
    }
}
