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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of one partition on its way through a subscription's handler: its events in order, each
 * attempted per the retry policy and, once the attempts are spent, given up on (with a group: after its dead
 * letter was written). Runs on a worker; whenever it has to wait — for a retry's delay, for its dead letter to
 * be written, or before writing it again after a failed write — it gives the worker back and is resubmitted
 * afterwards, so a failing partition never holds a worker. {@link #done} completes once: when the last event
 * was finished, or when the feed stopped (then at the first event not finished, which the partition's next
 * reader handles again). While the feed runs, a delivery never ends short of its batch.
 *
 * <p>Confined to one worker at a time: the feed hands it over once, and each resubmission comes only after the
 * previous run returned. {@link #stopWaiting} may come from any thread.
 */
final class BatchDelivery implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    /** Where a waiting delivery is handed back to the workers: handing over may wait for room in their queue. */
    private static final Executor ON_A_VIRTUAL_THREAD = task -> BusThreads.startVirtual("tributary-retry", task);
    private static final Duration FIRST_WRITE_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_WRITE_PAUSE = Duration.ofSeconds(5);

    private final PartitionFeed feed;
    private final EventProcessing processing;
    private final Fetched batch;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Set while the delivery waits (retry, dead-letter write): whoever clears it (the wait's end, or a stop) goes on. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final boolean tracksEachEvent;
    private int index;
    /** {@link #index} for other threads, kept only when {@link #tracksEachEvent}: a volatile write per event. */
    private volatile int finished;
    // The event at index, while it fails:
    private int failures;
    private @Nullable Instant firstFailure;
    private @Nullable Instant lastFailureTime;
    private @Nullable Throwable lastFailure;
    /** Its attempts are spent: it is given up on once its dead letter (if any) is written. */
    private boolean givingUp;
    private @Nullable EventPosition deadLetter;
    private Duration writePause = FIRST_WRITE_PAUSE;

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

    /** Whether the delivery finished every event of its batch (it may have ended early because the feed stopped). */
    boolean finishedWholeBatch() {
        return done.isDone() && index >= batch.count();
    }

    @Override
    public void run() {
        try {
            deliver();
        } catch (RuntimeException | Error e) {
            // Out of memory or a bug of ours: the batch cannot go on, and the events behind it must not be
            // committed past it, so the feed stops; its partition waits for the next reader.
            LOG.error("delivering events of {} failed; stopping its feed", feed.id(), e);
            feed.stop();
            finish();
            throw e;
        }
    }

    private void deliver() {
        Event[] events = batch.events();
        long[] offsets = batch.offsets();
        while (index < batch.count() && feed.isRunning()) {
            Event event = events[index];
            if (givingUp) {
                if (!giveUp(event, offsets[index])) {
                    return; // waiting for the dead letter to be written
                }
                next();
                continue;
            }
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
            Instant now = processing.now();
            if (++failures == 1) {
                firstFailure = now;
            }
            lastFailure = failure;
            lastFailureTime = now;
            Duration retryIn = processing.failed(event, position(offsets[index]), failure, failures);
            if (retryIn == null) {
                givingUp = true;
                continue;
            }
            waitThenResume(CompletableFuture.delayedExecutor(retryIn.toNanos(), TimeUnit.NANOSECONDS, ON_A_VIRTUAL_THREAD));
            return;
        }
        finish();
    }

    /** Ends a delivery that was never handed to a worker: none of its events was handled. */
    void returnUnhandled() {
        finish();
    }

    /**
     * Called by a stopping feed: a delivery that waits (to retry, or for its dead letter) does not go on; the
     * batch ends at the event it waited for, which the next reader handles again.
     */
    void stopWaiting() {
        if (waiting.compareAndSet(true, false)) {
            finish();
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

    /**
     * Gives up on the event at {@code offset}: without a group at once; with one once its dead letter is
     * written, which this starts (or starts again) and waits for.
     *
     * @return whether it was given up on now; false while the dead letter is being written
     */
    private boolean giveUp(Event event, long offset) {
        EventPosition position = position(offset);
        Throwable failure = lastFailure;
        if (!processing.deadLetters() || deadLetter != null) {
            processing.gaveUp(event, position, failure, deadLetter);
            return true;
        }
        CompletableFuture<EventPosition> written = processing.writeDeadLetter(event, position, failure, failures,
                firstFailure, lastFailureTime);
        waitThenResume(written.handle((at, error) -> {
            if (error == null) {
                deadLetter = at;
                writePause = FIRST_WRITE_PAUSE;
                return CompletableFuture.<Executor>completedFuture(ON_A_VIRTUAL_THREAD);
            }
            LOG.error("cannot write event {} at {} to its dead-letter topic: {}; the partition waits, writing it again"
                    + " in {} ms", event.id(), position, error.toString(), writePause.toMillis());
            Executor later = CompletableFuture.delayedExecutor(writePause.toNanos(), TimeUnit.NANOSECONDS,
                    ON_A_VIRTUAL_THREAD);
            writePause = Pauses.doubled(writePause, MAX_WRITE_PAUSE);
            return CompletableFuture.<Executor>completedFuture(later);
        }).thenCompose(executor -> executor));
        return false;
    }

    /** Waits, without a worker, until {@code resumeOn} says where to go on from; a stop cuts the wait short. */
    private void waitThenResume(Executor resumeOn) {
        waitThenResume(CompletableFuture.completedFuture(resumeOn));
    }

    private void waitThenResume(CompletableFuture<Executor> resumeOn) {
        waiting.set(true);
        if (!feed.isRunning()) { // the feed stopped after the loop's check; it may have missed the wait
            stopWaiting();
            return;
        }
        resumeOn.thenAccept(executor -> executor.execute(() -> {
            if (waiting.compareAndSet(true, false) && !feed.resubmit(this)) {
                finish();
            }
        }));
    }

    private EventPosition position(long offset) {
        return new EventPosition(feed.topic(), feed.partition(), offset);
    }

    private void next() {
        index++;
        if (failures > 0) { // the failure state is set only by a failure: most events leave it alone
            failures = 0;
            firstFailure = null;
            lastFailureTime = null;
            lastFailure = null;
            givingUp = false;
            deadLetter = null;
        }
        if (tracksEachEvent) {
            finished = index;
        }
    }

    @Override
    public String toString() {
        return "Delivery[" + (batch.count() > 0 ? batch.offsets()[0] : -1) + ".." + batch.nextOffset() + " index " + index
                + "/" + batch.count() + " done " + done.isDone() + "]";
    }

    /**
     * Reports how far the batch got, and ends it. Nothing is reported for a batch of which no event was finished:
     * its first offset would say that everything before it was handled, and when the batch before it ended short
     * (its feed stopped) that is not so — the events in between would be committed unhandled.
     */
    private void finish() {
        try {
            if (index > 0) {
                feed.handled(index < batch.count() ? batch.offsets()[index] : batch.nextOffset());
            }
        } finally {
            done.complete(null);
        }
    }
}
