package io.tributary.internal;

/**
 * The threads a bus runs its own machinery and its users' callbacks on (workers, feeds, group members,
 * committers, retries), marked so that a close called from one of them knows it must not wait for the bus's
 * threads — one of which is itself.
 */
final class BusThreads {

    private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

    private BusThreads() {
    }

    /** Starts {@code task} on a new virtual bus thread. */
    static Thread startVirtual(String name, Runnable task) {
        return Thread.ofVirtual().name(name).start(marked(task));
    }

    /** A new virtual bus thread for {@code task}, not started. */
    static Thread unstartedVirtual(String name, Runnable task) {
        return Thread.ofVirtual().name(name).unstarted(marked(task));
    }

    /** {@code task}, marking the thread that runs it as a bus thread while it runs. */
    static Runnable marked(Runnable task) {
        return () -> {
            MARKED.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                MARKED.remove();
            }
        };
    }

    /** Whether the calling thread is one of a bus's threads. */
    static boolean isCurrent() {
        return MARKED.get() != null;
    }
}
