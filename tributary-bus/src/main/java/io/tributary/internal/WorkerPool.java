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
 *
 * <p><b>Closing</b> lets the queued tasks run, stops the threads (a worker still in a handler when the
 * timeout ends is interrupted and stops after it), and then runs on the closing thread whatever is still
 * queued — a retry handed back while the bus closed — and whatever a late {@link #execute} adds: by then the
 * tasks' feeds have stopped, so each only ends its batch. No task is left in the queue unrun.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> tasks;
    private final List<Thread> threads = new ArrayList<>();
    /** The closing thread gave up waiting for the workers: each stops after its task. */
    private volatile boolean abandoned;
    /** The workers are gone: whoever adds a task runs what is queued. */
    private volatile boolean closed;

    WorkerPool(String name, int size) {
        this.tasks = new ArrayBlockingQueue<>(size * 4);
        for (int i = 0; i < size; i++) {
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(BusThreads.marked(this::work)));
        }
    }

    /** Runs {@code task} on a worker; waits while the queue is full. After {@link #close}, runs it on the caller. */
    void execute(Runnable task) throws InterruptedException {
        tasks.put(task);
        if (closed) {
            runLeftovers(); // the workers are gone: nobody else would run it
        }
    }

    /** Lets the queued tasks finish, then stops the threads, waiting up to {@code timeout} for them. */
    void close(Duration timeout) {
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
        abandoned = true;
        threads.forEach(thread -> {
            if (thread.isAlive() && thread != Thread.currentThread()) {
                LOG.warn("worker {} still runs a handler after the close timeout; interrupting it", thread.getName());
                thread.interrupt(); // a worker waiting for a task stops at once, one in a handler after it
            }
        });
        runLeftovers();
        closed = true;
        runLeftovers(); // what an execute put in before it could see closed
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void runLeftovers() {
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

    private void work() {
        while (!abandoned) {
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
            Thread.interrupted(); // a handler may leave its thread interrupted; that is not the pool's business
        }
    }
}
