package io.tributary.internal;

import io.tributary.api.TopicPartition;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one partition's events to one subscription's handler, in offset order: reads a batch, hands it to
 * the worker pool as a {@link BatchDelivery}, and reads the next batch while that one is handled, but
 * hands the next one over only after the previous one finished. Runs on a virtual thread of its own until
 * {@link #stop()}; a failing read is retried with a growing pause (at most {@link #MAX_RETRY_PAUSE}).
 *
 * <p>After each batch, the worker that finished it reports the position after the last event finished:
 * to the reader ({@link PartitionReader#handledUpTo}: an in-memory partition may let the events go) and to
 * {@code onHandled} (a consumer group commits it). {@link #stopped()} completes with the final position
 * once the feed ended and its last batch finished: events from there on were not handled.
 */
final class PartitionFeed implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFeed.class);
    static final int MAX_EVENTS_PER_BATCH = 1024;
    private static final Duration POLL_WAIT = Duration.ofMillis(500);
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(50);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(5);

    private final TopicPartition id;
    private final PartitionReader reader;
    private final EventProcessing processing;
    private final WorkerPool workers;
    private final LongConsumer onHandled;
    private final CompletableFuture<Long> stopped = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile @Nullable Thread thread;
    /** The batch handed to the workers last; {@link #stop} cuts its retry wait short. Written by the feed thread. */
    private volatile @Nullable BatchDelivery current;
    /** Position after the last finished event; written by the worker of each batch, in turn. */
    private volatile long position;

    PartitionFeed(TopicPartition id, PartitionReader reader, EventProcessing processing, WorkerPool workers,
            LongConsumer onHandled) {
        this.id = id;
        this.reader = reader;
        this.processing = processing;
        this.workers = workers;
        this.onHandled = onHandled;
        this.position = reader.position();
    }

    /** Starts the feed on a virtual thread of its own. */
    PartitionFeed start() {
        thread = BusThreads.startVirtual("tributary-feed-" + id, this);
        return this;
    }

    TopicPartition id() {
        return id;
    }

    String topic() {
        return id.topic().value();
    }

    int partition() {
        return id.partition();
    }

    boolean isRunning() {
        return running;
    }

    /** Where the partition was read from when the feed started, or the position after its last finished batch. */
    long position() {
        return position;
    }

    /**
     * The position after the last event finished, inside the batch at work too when the processing tracks each
     * event (manual commits). Any thread.
     */
    long finishedPosition() {
        BatchDelivery delivery = current;
        return delivery == null ? position : Math.max(position, delivery.finishedPosition());
    }

    /**
     * Stops reading; the event being handled finishes, the rest of its batch is given back, a pending retry is
     * dropped. Returns at once; {@link #stopped()} says when it is over. Idempotent.
     */
    void stop() {
        running = false;
        Thread feedThread = thread;
        if (feedThread != null) {
            feedThread.interrupt();
        }
        BatchDelivery delivery = current;
        if (delivery != null) {
            delivery.stopWaiting();
        }
    }

    /** Releases the reader of a feed that will not be started (its subscription failed to start). */
    void discard() {
        running = false;
        reader.close();
        stopped.complete(position);
    }

    /** Completes with the position after the last finished event, once the feed and its last batch ended. */
    CompletableFuture<Long> stopped() {
        return stopped;
    }

    @Override
    public void run() {
        Duration pause = FIRST_RETRY_PAUSE;
        try {
            while (running) {
                Fetched batch;
                try {
                    batch = reader.next(MAX_EVENTS_PER_BATCH, POLL_WAIT);
                    pause = FIRST_RETRY_PAUSE;
                } catch (RuntimeException e) {
                    LOG.warn("reading {} failed; trying again in {} ms: {}", id, pause.toMillis(), e.toString());
                    Thread.sleep(pause);
                    pause = Pauses.doubled(pause, MAX_RETRY_PAUSE);
                    continue;
                }
                BatchDelivery previous = current;
                if (batch.isEmpty()) {
                    if (previous == null || previous.finishedWholeBatch()) {
                        handled(batch.nextOffset()); // skipped records count as handled
                    }
                    continue;
                }
                awaitDone(previous);
                BatchDelivery delivery = new BatchDelivery(this, processing, batch);
                current = delivery;
                try {
                    workers.execute(delivery); // if the feed stops meanwhile, the delivery ends at its first event
                } catch (InterruptedException stopping) {
                    delivery.returnUnhandled(); // never handed over (an interrupt fails the hand-over at once)
                    throw stopping;
                }
            }
        } catch (InterruptedException e) {
            // stopping: fall through and let the event being handled finish
        } finally {
            finishLast();
        }
    }

    /** Runs on the worker that finished a batch (or on the feed for an empty read): see the class comment. */
    void handled(long nextPosition) {
        if (nextPosition <= position) {
            return;
        }
        position = nextPosition;
        reader.handledUpTo(nextPosition);
        onHandled.accept(nextPosition);
    }

    /**
     * Hands a delivery that waited to retry back to the workers; blocks while their queue is full.
     *
     * @return false if the feed stopped meanwhile (the caller ends the delivery instead)
     */
    boolean resubmit(BatchDelivery delivery) {
        if (!running) {
            return false;
        }
        try {
            workers.execute(delivery);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void finishLast() {
        BatchDelivery last = current;
        if (last != null) {
            last.done().join(); // the worker stops at the next event; a delivery waiting to retry ends at once
        }
        try {
            reader.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the reader of {} failed: {}", id, e.toString());
        }
        stopped.complete(position);
    }

    private static void awaitDone(@Nullable BatchDelivery delivery) throws InterruptedException {
        if (delivery == null) {
            return;
        }
        try {
            delivery.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a delivery cannot fail", e);
        }
    }

    @Override
    public String toString() {
        return "PartitionFeed[" + id + " at " + position + (running ? "" : ", stopped") + "]";
    }
}
