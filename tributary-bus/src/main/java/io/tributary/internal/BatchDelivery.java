package io.tributary.internal;

import io.tributary.EventPosition;
import io.tributary.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One batch of one partition on its way through a subscription's handler: its events in order, each
 * attempted per the retry policy and given up on when the attempts are spent. Runs on a worker; while it
 * waits to retry an event it gives the worker back and is resubmitted after the delay, so a failing
 * partition never holds a worker while it backs off. {@link #done} completes once, when the last event was
 * finished or the feed stopped (then at the first event not finished, which its next reader handles again).
 *
 * <p>Confined to one worker at a time: the feed hands it over once, and each retry resubmits it only after
 * the previous run returned. {@link #stopWaiting} may come from any thread.
 */
final class BatchDelivery implements Runnable {

    /** Where a retry is handed back to the workers: handing over may wait for room in their queue. */
    private static final Executor ON_A_VIRTUAL_THREAD = task -> Thread.ofVirtual().name("tributary-retry").start(task);

    private final PartitionFeed feed;
    private final EventProcessing processing;
    private final Fetched batch;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Set while a retry is scheduled: whoever clears it (the retry, or a stopping feed) goes on. */
    private final AtomicBoolean waitingToRetry = new AtomicBoolean();
    private int index;
    /** {@link #index} for other threads, kept only when {@link #tracksEachEvent}: a volatile write per event. */
    private volatile int finished;
    private final boolean tracksEachEvent;
    private int failures;
    private @Nullable Instant firstFailure;

    BatchDelivery(PartitionFeed feed, EventProcessing processing, Fetched batch) {
        this.feed = feed;
        this.processing = processing;
        this.batch = batch;
        this.tracksEachEvent = processing.tracksEachEvent();
    }

    /** Completes when the batch is finished, or given back because the feed stopped. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void run() {
        Event[] events = batch.events();
        long[] offsets = batch.offsets();
        while (index < batch.count() && feed.isRunning()) {
            Event event = events[index];
            if (!processing.selects(event)) {
                next();
                continue;
            }
            long started = processing.startClock();
            Throwable failure = processing.attempt(event);
            if (failure == null) {
                long offset = offsets[index];
                next();
                processing.processed(event, feed, offset, started);
                continue;
            }
            EventPosition position = new EventPosition(feed.topic(), feed.partition(), offsets[index]);
            failures++;
            Instant now = processing.now();
            if (firstFailure == null) {
                firstFailure = now;
            }
            Duration retryIn = processing.failed(event, position, failure, failures);
            if (retryIn != null) {
                if (!feed.isRunning()) {
                    break; // no retry for a stopping feed: the event stays for the next reader
                }
                retryAfter(retryIn);
                return;
            }
            if (!processing.giveUp(event, position, failure, failures, firstFailure, now, feed::isRunning)) {
                break; // the feed stopped before the dead letter was written: the event stays for the next reader
            }
            next();
        }
        finish();
    }

    /** Ends a delivery that was never handed to a worker: none of its events was handled. */
    void returnUnhandled() {
        finish();
    }

    /** Called by a stopping feed: a scheduled retry does not happen; the batch ends at the event it waited for. */
    void stopWaiting() {
        if (waitingToRetry.compareAndSet(true, false)) {
            finish();
        }
    }

    private void next() {
        index++;
        failures = 0;
        firstFailure = null;
        if (tracksEachEvent) {
            finished = index;
        }
    }

    /**
     * The position after the last event finished so far, for a manual commit from another thread; only kept
     * when the processing {@linkplain EventProcessing#tracksEachEvent() tracks each event} (else the batch's
     * start).
     */
    long finishedPosition() {
        int done = finished;
        return done < batch.count() ? batch.offsets()[done] : batch.nextOffset();
    }

    private void retryAfter(Duration delay) {
        waitingToRetry.set(true);
        if (!feed.isRunning()) { // the feed stopped after the check above; it may have missed the wait
            stopWaiting();
            return;
        }
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, ON_A_VIRTUAL_THREAD).execute(() -> {
            if (waitingToRetry.compareAndSet(true, false) && !feed.resubmit(this)) {
                finish();
            }
        });
    }

    private void finish() {
        long position = index < batch.count() ? batch.offsets()[index] : batch.nextOffset();
        try {
            feed.handled(position);
        } finally {
            done.complete(null);
        }
    }
}
