package io.tributary.internal.file;

import io.tributary.BusClosedException;
import io.tributary.EventPosition;
import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.broker.service.BrokerService;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Appends one partition's events, coalescing concurrent publishes into batches: while up to
 * {@link #MAX_IN_FLIGHT} batches are being written and committed, new events wait in a bounded queue,
 * and the next batch takes whatever is queued (up to {@code maxBatchBytes}). An idle partition appends a
 * lone event at once, so nobody waits for a timer; a busy one appends large batches, and the log's group
 * commit shares each fsync among them (decision 0004).
 *
 * <p><b>Threads.</b> {@link #append} is thread-safe. The publisher that finds no batch being sent
 * becomes the sender: it builds and appends batches on its own thread (the log writes on the caller's
 * thread) until the queue is empty or {@link #MAX_IN_FLIGHT} batches are uncommitted. Only one thread
 * sends at a time, so batches reach the log in queue order and events of one key keep their publish
 * order. Commits are handled on {@code completions}, a virtual thread per batch, never on the log's
 * commit thread: a callback of a publish future that publishes again and joins must not stall the fsync
 * it waits for. The futures of one batch complete in offset order; those of two batches in flight may
 * complete in either order (offsets are in publish order all the same).
 *
 * <p><b>Bounds.</b> The queue holds at most {@code maxQueuedBytes} of records (always at least one);
 * a publish beyond that waits, interruptibly, for the log to take some: the disk sets the pace.
 */
final class CoalescingAppender {

    /** Batches appended but not yet committed: two let one batch be written while the previous one syncs. */
    static final int MAX_IN_FLIGHT = 2;
    /** Overhead of a record in a batch beyond its payload: lengths, deltas, attributes (varints), generous. */
    private static final int RECORD_OVERHEAD = 24;

    private final String topic;
    private final int partition;
    private final BrokerService service;
    private final Executor completions;
    private final int maxBatchBytes;
    private final long maxQueuedBytes;
    private final Duration commitTimeout;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(); // guarded by lock
    private long queuedBytes; // guarded by lock
    private int inFlight; // guarded by lock
    private boolean sending; // guarded by lock
    private boolean closed; // guarded by lock

    /** An event waiting to be appended, as its record. */
    private record Pending(Record record, int bytes, CompletableFuture<EventPosition> published) {
    }

    CoalescingAppender(String topic, int partition, BrokerService service, Executor completions, int maxBatchBytes,
            long maxQueuedBytes, Duration commitTimeout) {
        this.topic = topic;
        this.partition = partition;
        this.service = service;
        this.completions = completions;
        this.maxBatchBytes = maxBatchBytes;
        this.maxQueuedBytes = maxQueuedBytes;
        this.commitTimeout = commitTimeout;
    }

    /** Bytes {@code record} takes in a batch, about: its payload plus {@link #RECORD_OVERHEAD} per record and header. */
    static int sizeInBatch(Record record, long payloadBytes) {
        return (int) Math.min(Integer.MAX_VALUE, payloadBytes + RECORD_OVERHEAD * (1L + record.headers().size()));
    }

    /**
     * Queues {@code record}; may send batches on this thread.
     *
     * @param bytes its {@link #sizeInBatch size in a batch}
     * @return completes once the record is committed, with its position; fails if its batch failed
     * @throws BusClosedException if the transport is closing
     * @throws TributaryException if interrupted while waiting for room in the queue
     */
    CompletableFuture<EventPosition> append(Record record, int bytes) {
        CompletableFuture<EventPosition> published = new CompletableFuture<>();
        boolean becomeSender;
        lock.lock();
        try {
            while (queuedBytes > 0 && queuedBytes + bytes > maxQueuedBytes && !closed) {
                room.await();
            }
            if (closed) {
                throw new BusClosedException("cannot publish to " + topic + "/" + partition + ": the file: bus is closing");
            }
            queue.add(new Pending(record, bytes, published));
            queuedBytes += bytes;
            becomeSender = !sending && inFlight < MAX_IN_FLIGHT;
            sending |= becomeSender;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for room to publish to " + topic + "/" + partition, e);
        } finally {
            lock.unlock();
        }
        if (becomeSender) {
            sendWhilePossible();
        }
        return published;
    }

    /**
     * Waits until every queued event was appended and committed (their futures complete), up to {@code
     * timeout}; publishes after this fail. Events still queued after the timeout fail with
     * {@link BusClosedException}.
     *
     * @return whether everything was committed in time
     */
    boolean close(Duration timeout) throws InterruptedException {
        List<Pending> abandoned = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            room.signalAll();
            long remaining = timeout.toNanos();
            while ((inFlight > 0 || !queue.isEmpty()) && remaining > 0) {
                remaining = idle.awaitNanos(remaining);
            }
            abandoned.addAll(queue);
            queue.clear();
            queuedBytes = 0;
        } finally {
            lock.unlock();
        }
        abandoned.forEach(pending -> pending.published().completeExceptionally(new BusClosedException("the file: bus"
                + " closed before an event for " + topic + "/" + partition + " was appended (waited " + timeout
                + ", tributary.bus.close-timeout)")));
        return abandoned.isEmpty();
    }

    /** The sender's loop: one batch per round, until nothing is queued or the in-flight bound is reached. */
    private void sendWhilePossible() {
        while (true) {
            List<Pending> batch;
            lock.lock();
            try {
                if (queue.isEmpty() || inFlight >= MAX_IN_FLIGHT) {
                    sending = false;
                    return;
                }
                batch = takeBatch();
                inFlight++;
                room.signalAll();
            } finally {
                lock.unlock();
            }
            send(batch);
        }
    }

    /** Under the lock: the queue's head, up to {@code maxBatchBytes} (at least one event). */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || bytes + queue.peekFirst().bytes() <= maxBatchBytes)) {
            Pending next = queue.pollFirst();
            bytes += next.bytes();
            queuedBytes -= next.bytes();
            batch.add(next);
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        CompletableFuture<BrokerService.Appended> appended;
        try {
            int bytes = batch.stream().mapToInt(Pending::bytes).sum();
            BatchBuilder builder = BatchBuilder.create(bytes + 64);
            batch.forEach(pending -> builder.add(pending.record()));
            appended = service.append(topic, partition, builder.build(), AckLevel.COMMITTED, commitTimeout);
        } catch (RuntimeException e) {
            appended = CompletableFuture.failedFuture(e);
        }
        appended.whenCompleteAsync((result, failure) -> committed(batch, result, failure), completions);
    }

    /** On a completion thread: completes the batch's futures in offset order, then sends on if the sender stopped. */
    private void committed(List<Pending> batch, BrokerService.@Nullable Appended result, @Nullable Throwable failure) {
        try {
            if (failure == null && result != null) {
                long base = result.result().baseOffset();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).published().complete(new EventPosition(topic, partition, base + i));
                }
            } else {
                Throwable cause = failure == null ? new IllegalStateException("append completed without a result")
                        : failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                batch.forEach(pending -> pending.published().completeExceptionally(cause));
            }
        } finally {
            boolean becomeSender;
            lock.lock();
            try {
                inFlight--;
                becomeSender = !sending && !queue.isEmpty();
                sending |= becomeSender;
                if (inFlight == 0 && queue.isEmpty()) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
            if (becomeSender) {
                sendWhilePossible();
            }
        }
    }

    @Override
    public String toString() {
        return "CoalescingAppender[" + topic + "/" + partition + "]";
    }
}
