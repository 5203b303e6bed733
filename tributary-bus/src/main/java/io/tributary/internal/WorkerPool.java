package io.tributary.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus's handler threads: a fixed number of platform threads taking tasks from a bounded queue.
 * {@link #execute} blocks while the queue is full, so a feed that reads faster than handlers keep up
 * waits instead of piling work up. Platform threads, not virtual ones: handlers are user code that may
 * block inside {@code synchronized} or lean on thread locals.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> tasks;
    private final List<Thread> threads = new ArrayList<>();
    /** Set by {@link #close}: an interrupt of a worker then means stop, not a handler's leftover. */
    private volatile boolean closing;

    WorkerPool(String name, int size) {
        this.tasks = new ArrayBlockingQueue<>(size * 4);
        for (int i = 0; i < size; i++) {
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::work));
        }
    }

    /** Runs {@code task} on a worker; waits while the queue is full. */
    void execute(Runnable task) throws InterruptedException {
        tasks.put(task);
    }

    /** Whether the calling thread is one of this pool's workers. */
    boolean isWorkerThread() {
        return threads.contains(Thread.currentThread());
    }

    /**
     * Lets the queued tasks finish, then stops the threads, waiting up to {@code timeout} for them. Tasks that
     * were queued behind the stop (a retry handed back while the bus closed) run on the caller: their feeds
     * have stopped, so they only end their batch.
     */
    void close(Duration timeout) {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int i = 0; i < threads.size(); i++) {
                if (!tasks.offer(STOP, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
            for (Thread thread : threads) {
                if (thread != Thread.currentThread()) {
                    thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.forEach(thread -> {
            if (thread.isAlive() && thread != Thread.currentThread()) {
                LOG.warn("worker {} still runs a handler after the close timeout; interrupting it", thread.getName());
                thread.interrupt();
            }
        });
        for (Runnable left = tasks.poll(); left != null; left = tasks.poll()) {
            if (left != STOP) {
                try {
                    left.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("a bus task left behind at close failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void work() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("a bus task failed; the worker carries on", e); // tasks catch handler failures themselves
            }
            // A handler may leave its thread interrupted; that is not the pool's business unless it is closing.
            if (Thread.interrupted() && closing) {
                return;
            }
        }
    }
}
