package io.tributary.internal;

import io.tributary.ErrorHandler;
import io.tributary.EventHandler;
import io.tributary.event.Event;
import io.tributary.event.EventFilter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one partition's events to one subscription's handler, in offset order: reads a batch, hands it
 * to the worker pool, and reads the next batch while that one is handled, but hands the next one over
 * only after the previous one finished. The worker that handled a batch tells the reader so
 * ({@link PartitionReader#handledUpTo}). Runs on a virtual thread of its own until the subscription
 * closes; a failing read is retried with a growing pause (at most {@link #MAX_RETRY_PAUSE}).
 */
final class PartitionFeed implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFeed.class);
    static final int MAX_EVENTS_PER_BATCH = 1024;
    private static final Duration POLL_WAIT = Duration.ofMillis(500);
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(50);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(5);

    private final SubscriptionRun subscription;
    private final String topic;
    private final int partition;
    private final PartitionReader reader;
    private final EventFilter filter;
    /**
     * The filter passes every event: any type, any version. Checked once, because {@link EventFilter#matches}
     * re-validates the type of every event, and an {@link Event} is valid by construction.
     */
    private final boolean passesAll;
    private final EventHandler handler;
    private final ErrorHandler errorHandler;

    PartitionFeed(SubscriptionRun subscription, String topic, int partition, PartitionReader reader, EventHandler handler) {
        this.subscription = subscription;
        this.topic = topic;
        this.partition = partition;
        this.reader = reader;
        this.filter = subscription.subscription().filter();
        this.passesAll = filter.version().isEmpty() && filter.types().matchesAll();
        this.handler = handler;
        this.errorHandler = subscription.subscription().errorHandler();
    }

    /** The batch handed to the workers last. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    @Override
    public void run() {
        Duration pause = FIRST_RETRY_PAUSE;
        try (reader) {
            while (subscription.isOpen()) {
                Fetched batch;
                try {
                    batch = reader.next(MAX_EVENTS_PER_BATCH, POLL_WAIT);
                    pause = FIRST_RETRY_PAUSE;
                } catch (RuntimeException e) {
                    LOG.warn("reading {}/{} failed; trying again in {} ms: {}", topic, partition, pause.toMillis(), e.toString());
                    Thread.sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : pause.multipliedBy(2);
                    continue;
                }
                if (batch.isEmpty()) {
                    continue;
                }
                awaitDone(previous);
                CompletableFuture<Void> done = new CompletableFuture<>();
                subscription.workers().execute(() -> deliver(batch, done));
                previous = done;
            }
        } catch (InterruptedException e) {
            // the subscription is closing: fall through and let the event being handled finish
        }
        previous.join(); // deliveries stop at the next event once the subscription is closed
    }

    /**
     * Runs on a worker. Reports the batch handled as soon as its last event was, not when the feed reads
     * the next batch: a publisher waiting for room in a full {@code mem:} partition may be what that next
     * batch waits for (with a capacity up to two batches, it always was, until {@code max-block} ran out).
     */
    private void deliver(Fetched batch, CompletableFuture<Void> done) {
        try {
            Event[] events = batch.events();
            int count = batch.count();
            int i = 0;
            for (; i < count && subscription.isOpen(); i++) {
                Event event = events[i];
                if (passesAll || filter.matches(event)) {
                    handle(event);
                }
            }
            if (i == count) {
                reader.handledUpTo(batch.nextOffset());
            }
        } finally {
            done.complete(null);
        }
    }

    private void handle(Event event) {
        try {
            handler.handle(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                errorHandler.onError(event, failure);
            } catch (RuntimeException | Error e) {
                LOG.error("the error handler of a subscription to {} threw for event {}; ignored", topic, event.id(), e);
            }
        }
    }

    private static void awaitDone(CompletableFuture<Void> delivery) throws InterruptedException {
        try {
            delivery.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a delivery cannot fail", e);
        }
    }
}
