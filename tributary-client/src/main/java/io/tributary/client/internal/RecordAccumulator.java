package io.tributary.client.internal;

import io.tributary.api.KeyPartitioner;
import io.tributary.api.TributaryException;
import io.tributary.client.BatcherClosedException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.ProducerOptions;
import io.tributary.client.TimedOutException;
import io.tributary.format.BatchHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The producer's state: records waiting in batches per partition, batches in flight, sequence numbers,
 * retries, expiry and closing. Thread-safe: one lock guards everything; it is held only for bookkeeping
 * and encoding a record into its batch, never for I/O. Threads: senders call {@link #append}, the
 * sender thread calls {@link #awaitWork}, and whichever thread learns a batch's fate calls
 * {@link #complete}. Records' futures are completed only by the runnables {@link Work#completions()}
 * hands to the sender thread, outside the lock.
 *
 * <p>This class is over the usual size: ordering, retries, recovery and closing all read and change
 * the same per-partition state, and splitting them would spread one lock's invariants over several files.
 * {@link PartitionQueue} holds the per-partition rules.
 */
final class RecordAccumulator {

    /** What the sender thread should do next. */
    record Work(List<ProducerBatch> batches, List<Runnable> completions, @Nullable PendingRecord<?> bootstrap,
            boolean refreshMetadata, boolean terminate) {

        boolean isEmpty() {
            return batches.isEmpty() && completions.isEmpty() && bootstrap == null && !refreshMetadata && !terminate;
        }
    }

    /** Batch header and record framing around a single record's bytes, more than enough. */
    private static final int SINGLE_RECORD_OVERHEAD_BYTES = 128;

    private final String topic;
    private final ProducerOptions options;
    private final long producerId;
    private final Ticker ticker;
    private final Backoff backoff;
    private final IntSupplier partitionCount;
    private final RecordPartitioner partitioner;
    private final BufferBudget budget;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Map<Integer, PartitionQueue> partitions = new TreeMap<>();
    private final Set<ProducerBatch> inFlight = new HashSet<>();
    private final ArrayDeque<PendingRecord<?>> unassigned = new ArrayDeque<>();
    private final List<Runnable> completions = new ArrayList<>();
    private @Nullable PendingRecord<?> bootstrapping;
    private long bootstrapAtNanos;
    private int bootstrapAttempts;
    private long nextBatchId;
    private int stickyPartition = -1;
    private int flushes;
    private boolean closed;
    private long closeDeadlineNanos;
    private boolean metadataStale;
    private long refreshAtNanos;
    private int refreshAttempts;

    /**
     * @param producerId     the idempotent producer's id, or −1 to send batches without sequence numbers
     * @param partitionCount the topic's partition count as the metadata knows it, 0 when it does not
     */
    RecordAccumulator(String topic, ProducerOptions options, long producerId, Ticker ticker, Backoff backoff,
            IntSupplier partitionCount, RecordPartitioner partitioner, BufferBudget budget) {
        this.topic = topic;
        this.options = options;
        this.producerId = producerId;
        this.ticker = ticker;
        this.backoff = backoff;
        this.partitionCount = partitionCount;
        this.partitioner = partitioner;
        this.budget = budget;
    }

    /**
     * Puts a record into its partition's open batch (or a new one). The caller reserved its bytes.
     *
     * @throws BatcherClosedException if the producer is closing
     */
    void append(PendingRecord<?> record) {
        lock.lock();
        try {
            if (closed) {
                throw new BatcherClosedException("the producer for " + topic + " is closed; records sent after close()"
                        + " are refused");
            }
            int count = partitionCount.getAsInt();
            if (count <= 0 || !unassigned.isEmpty() || bootstrapping != null) {
                unassigned.addLast(record); // the topic's partitions are not known yet
                wake.signal();
                return;
            }
            place(record, count, ticker.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until there is something for the sender thread to do: batches ready to send, completions to
     * run, a metadata refresh or the first record of a topic whose partitions are unknown. Never spins:
     * it sleeps until the earliest linger, backoff, expiry or close deadline, or a signal.
     */
    Work awaitWork() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Work work = pollWork();
                if (!work.isEmpty()) {
                    return work;
                }
                long now = ticker.nanoTime();
                wake.awaitNanos(Math.max(nextWakeNanos(now) - now, 1));
            }
        } finally {
            lock.unlock();
        }
    }

    /** What is due now, without waiting; the work is empty when nothing is. */
    Work pollWork() {
        lock.lock();
        try {
            long now = ticker.nanoTime();
            if (closed && now - closeDeadlineNanos >= 0) {
                failEverything(new BatcherClosedException("the producer for " + topic + " closed before the record"
                        + " was acknowledged (close deadline passed); if it was in flight it may have been written"));
            }
            expire(now);
            placeUnassignedIfKnown(now);
            List<ProducerBatch> batches = drain(now);
            PendingRecord<?> bootstrap = takeBootstrap(now);
            boolean refresh = metadataStale && now - refreshAtNanos >= 0;
            if (refresh) {
                metadataStale = false;
            }
            List<Runnable> done = List.copyOf(completions);
            completions.clear();
            return new Work(batches, done, bootstrap, refresh, closed && isIdle());
        } finally {
            lock.unlock();
        }
    }

    /** Records the fate of a batch that was in flight. Any thread. */
    void complete(ProducerBatch batch, SendOutcome outcome) {
        lock.lock();
        try {
            if (!inFlight.remove(batch)) {
                return; // failed already, by close
            }
            batch.inFlight = false;
            PartitionQueue queue = queue(batch.partition);
            queue.inFlight--;
            switch (outcome) {
                case SendOutcome.Acked acked -> {
                    refreshAttempts = 0;
                    queue.acknowledged(batch);
                    finish(batch, () -> batch.succeed(topic, acked.partition(), acked.baseOffset()));
                }
                case SendOutcome.Failed failed -> failed(queue, batch, failed);
            }
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The outcome of sending the bootstrap record from {@link Work#bootstrap()}. */
    void bootstrapDone(PendingRecord<?> record, SendOutcome outcome) {
        lock.lock();
        try {
            bootstrapping = null;
            switch (outcome) {
                case SendOutcome.Acked acked -> {
                    bootstrapAttempts = 0;
                    finishRecord(record, () -> record.succeed(topic, acked.partition(), acked.baseOffset()));
                }
                case SendOutcome.Failed failed when failed.kind() == SendOutcome.Kind.FATAL -> {
                    finishRecord(record, () -> record.fail(failed.error()));
                    for (PendingRecord<?> waiting : unassigned) { // they would all fail alike
                        finishRecord(waiting, () -> waiting.fail(failed.error()));
                    }
                    unassigned.clear();
                }
                case SendOutcome.Failed failed when failed.kind() == SendOutcome.Kind.UNKNOWN -> {
                    // The answer was lost and the record carried no sequence: sending it again could write it
                    // twice, so it fails (the exception says it may have been written); the others wait.
                    finishRecord(record, () -> record.fail(failed.error()));
                    bootstrapAtNanos = ticker.nanoTime() + backoff.delayNanos(bootstrapAttempts++);
                    metadataStale = true;
                }
                case SendOutcome.Failed failed -> {
                    unassigned.addFirst(record);
                    bootstrapAtNanos = ticker.nanoTime() + backoff.delayNanos(bootstrapAttempts++);
                    metadataStale |= failed.staleMetadata();
                }
            }
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The sender refreshed metadata, or failed to; a failure is tried again after a backoff. */
    void metadataRefreshed(boolean succeeded) {
        lock.lock();
        try {
            if (succeeded) {
                refreshAttempts = 0;
            } else {
                metadataStale = true;
                refreshAtNanos = ticker.nanoTime() + backoff.delayNanos(refreshAttempts++);
            }
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes every batch ready now and returns a future of everything sent so far; call {@link #endFlush}
     * once it completed.
     */
    CompletableFuture<Void> beginFlush() {
        lock.lock();
        try {
            flushes++;
            List<CompletableFuture<?>> pending = new ArrayList<>();
            partitions.values().forEach(queue -> queue.waiting().forEach(batch -> pending.add(batch.done)));
            inFlight.forEach(batch -> pending.add(batch.done));
            unassigned.forEach(record -> pending.add(record.future));
            if (bootstrapping != null) {
                pending.add(bootstrapping.future);
            }
            wake.signal();
            return CompletableFuture.allOf(pending.stream().map(f -> f.handle((value, error) -> null))
                    .toArray(CompletableFuture[]::new));
        } finally {
            lock.unlock();
        }
    }

    void endFlush() {
        lock.lock();
        try {
            flushes--;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new records; what remains is sent until {@code deadlineNanos}, then failed. */
    void close(long deadlineNanos) {
        lock.lock();
        try {
            if (!closed || deadlineNanos - closeDeadlineNanos < 0) {
                closeDeadlineNanos = deadlineNanos;
            }
            closed = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    // ---- under the lock ----

    private void place(PendingRecord<?> record, int count, long now) {
        byte[] key = record.record.key();
        int partition;
        if (key != null) {
            partition = KeyPartitioner.partition(key, count);
        } else {
            if (stickyPartition < 0 || stickyPartition >= count) {
                stickyPartition = partitioner.nextKeylessPartition(topic, count);
            }
            partition = stickyPartition;
        }
        PartitionQueue queue = queue(partition);
        ProducerBatch open = queue.openBatch();
        long batchBytes = options.batchBytes().bytes();
        if (open != null && open.bytes + record.bytes > batchBytes) {
            closeForAppends(open);
            open = null;
        }
        if (open == null) {
            open = new ProducerBatch(nextBatchId++, partition, now, queue.expectedBatchBytes(batchBytes));
            queue.fresh.addLast(open);
            wake.signal(); // a new linger deadline
        }
        open.add(record);
        if (open.bytes >= batchBytes) {
            closeForAppends(open);
        }
    }

    /** A full batch takes no more records; key-less records move on to the next partition. */
    private void closeForAppends(ProducerBatch batch) {
        batch.full = true;
        if (batch.partition == stickyPartition) {
            stickyPartition = -1;
        }
        wake.signal();
    }

    private void placeUnassignedIfKnown(long now) {
        int count = partitionCount.getAsInt();
        if (count > 0 && bootstrapping == null) {
            while (!unassigned.isEmpty()) {
                place(unassigned.removeFirst(), count, now);
            }
        }
    }

    /** The first record of a topic whose partitions are unknown: sent alone, it lets the broker create it. */
    private @Nullable PendingRecord<?> takeBootstrap(long now) {
        if (unassigned.isEmpty() || bootstrapping != null || partitionCount.getAsInt() > 0
                || now - bootstrapAtNanos < 0) {
            return null;
        }
        bootstrapping = unassigned.removeFirst();
        return bootstrapping;
    }

    private List<ProducerBatch> drain(long now) {
        List<ProducerBatch> ready = new ArrayList<>();
        boolean everything = flushes > 0 || closed;
        for (PartitionQueue queue : partitions.values()) {
            if (queue.recovering) {
                if (queue.inFlight > 0) {
                    continue;
                }
                finishRecovery(queue);
            }
            while (queue.inFlight < options.maxInFlightBatches()) {
                ProducerBatch head = queue.head();
                boolean retry = !queue.retries.isEmpty();
                if (head == null || !retry && !queue.windowHasRoom(options.maxInFlightBatches())
                        || !isReady(queue, head, now, everything)) {
                    break;
                }
                queue.takeHead();
                if (!retry) {
                    queue.window.add(head);
                }
                if (head.partition == stickyPartition) {
                    stickyPartition = -1;
                }
                if (producerId >= 0 && head.baseSequence < 0) {
                    head.baseSequence = queue.nextSequence;
                    queue.nextSequence = BatchHeader.sequenceAfter(queue.nextSequence, head.recordCount());
                }
                head.full = true;
                queue.lastBatchBytes = head.encodedBytes(); // before sealing: the uncompressed size
                head.seal(producerId, queue.epoch, options.compression());
                head.inFlight = true;
                queue.inFlight++;
                inFlight.add(head);
                ready.add(head);
            }
        }
        return ready;
    }

    private boolean isReady(PartitionQueue queue, ProducerBatch head, long now, boolean everything) {
        if (!queue.retries.isEmpty()) {
            return now - head.retryAtNanos >= 0;
        }
        return head.full || queue.fresh.size() > 1 || everything
                || now - head.createdNanos >= options.linger().toNanos();
    }

    private void finishRecovery(PartitionQueue queue) {
        if (producerId >= 0 && queue.needsNewEpoch) {
            for (ProducerBatch unknown : queue.renumberUnderNewEpoch()) {
                Throwable cause = unknown.lastError;
                finish(unknown, () -> unknown.fail(new ConnectionLostException("gave up on " + unknown + " of " + topic
                        + ": an earlier attempt's answer was lost, so it may have been written, and an earlier batch of"
                        + " the partition failed for good; sending it again under a new sequence could write it twice",
                        cause == null ? new TributaryException("no answer") : cause)));
            }
        }
        queue.needsNewEpoch = false;
        queue.recovering = false;
    }

    private void failed(PartitionQueue queue, ProducerBatch batch, SendOutcome.Failed failure) {
        long now = ticker.nanoTime();
        batch.lastError = failure.error();
        batch.attempts++;
        metadataStale |= failure.staleMetadata();
        queue.recovering = true;
        SendOutcome.Kind kind = failure.kind();
        if (kind == SendOutcome.Kind.UNKNOWN) {
            batch.maybeWritten = true;
        }
        if (kind == SendOutcome.Kind.TOO_LARGE && batch.recordCount() > 1) {
            split(queue, batch, now);
            return;
        }
        if (kind == SendOutcome.Kind.OUT_OF_ORDER) {
            if (queue.hasRetryBefore(batch)) {
                // Refused only because the batch before it failed: it follows that one, no attempt spent.
                batch.attempts--;
                batch.retryAtNanos = now;
                queue.retries.add(batch);
                return;
            }
            queue.needsNewEpoch = true; // the log lost track of this producer; a new epoch restarts at 0
        }
        boolean retriable = kind == SendOutcome.Kind.NOT_WRITTEN || kind == SendOutcome.Kind.UNKNOWN
                || kind == SendOutcome.Kind.OUT_OF_ORDER;
        long deadline = batch.deadlineNanos();
        if (retriable && batch.attempts <= options.retries() && now - deadline < 0) {
            batch.retryAtNanos = now + backoff.delayNanos(batch.attempts - 1);
            queue.retries.add(batch);
            return;
        }
        if (producerId >= 0 && batch.baseSequence >= 0) {
            queue.needsNewEpoch = true;
        }
        queue.window.remove(batch);
        TributaryException error = retriable && now - deadline >= 0 ? expired(batch, failure.error()) : failure.error();
        finish(batch, () -> batch.fail(error));
    }

    /** A batch too large for the node goes again as single-record batches with the same sequence numbers. */
    private void split(PartitionQueue queue, ProducerBatch batch, long now) {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        int at = Math.max(0, queue.window.indexOf(batch));
        queue.window.remove(batch);
        for (int i = 0; i < batch.records.size(); i++) {
            ProducerBatch single = new ProducerBatch(nextBatchId++, batch.partition, batch.createdNanos,
                    batch.records.get(i).bytes + SINGLE_RECORD_OVERHEAD_BYTES);
            single.add(batch.records.get(i));
            single.full = true;
            single.baseSequence = batch.baseSequence < 0 ? -1 : BatchHeader.sequenceAfter(batch.baseSequence, i);
            single.attempts = batch.attempts;
            single.retryAtNanos = now;
            queue.retries.add(single);
            queue.window.add(Math.min(at + i, queue.window.size()), single);
            parts.add(single.done);
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> batch.done.complete(null));
    }

    private void expire(long now) {
        for (PartitionQueue queue : partitions.values()) {
            for (ProducerBatch batch : queue.waiting()) {
                if (now - batch.deadlineNanos() >= 0) {
                    queue.retries.remove(batch);
                    queue.fresh.remove(batch);
                    queue.window.remove(batch);
                    if (batch.baseSequence >= 0) {
                        queue.recovering = true;
                        queue.needsNewEpoch = true;
                    }
                    TributaryException error = expired(batch, batch.lastError);
                    finish(batch, () -> batch.fail(error));
                }
            }
        }
        while (!unassigned.isEmpty() && now - unassigned.peekFirst().deadlineNanos >= 0) {
            PendingRecord<?> record = unassigned.removeFirst();
            finishRecord(record, () -> record.fail(new TimedOutException("no record reached " + topic + " within "
                    + ProducerOptions.DELIVERY_TIMEOUT.name() + " = " + options.deliveryTimeout()
                    + ": the topic's partitions could not be learnt (is a broker reachable?)")));
        }
    }

    private TimedOutException expired(ProducerBatch batch, @Nullable Throwable last) {
        String because = last == null ? "it was never sent (no leader, or the partition was busy recovering)"
                : "last error: " + last.getMessage();
        TimedOutException error = new TimedOutException(batch.recordCount() + " records of " + topic + "-"
                + batch.partition + " were not acknowledged within " + ProducerOptions.DELIVERY_TIMEOUT.name() + " = "
                + options.deliveryTimeout() + " after " + batch.attempts + " attempts; " + because);
        if (last != null) {
            error.initCause(last);
        }
        return error;
    }

    private void failEverything(TributaryException error) {
        for (PartitionQueue queue : partitions.values()) {
            for (ProducerBatch batch : queue.waiting()) {
                finish(batch, () -> batch.fail(error));
            }
            queue.retries.clear();
            queue.fresh.clear();
            queue.window.clear();
            queue.inFlight = 0;
        }
        for (ProducerBatch batch : inFlight) {
            batch.inFlight = false;
            finish(batch, () -> batch.fail(error));
        }
        inFlight.clear();
        for (PendingRecord<?> record : unassigned) {
            finishRecord(record, () -> record.fail(error));
        }
        unassigned.clear();
        if (bootstrapping != null) {
            PendingRecord<?> record = bootstrapping;
            finishRecord(record, () -> record.fail(error));
        }
    }

    private boolean isIdle() {
        if (!unassigned.isEmpty() || bootstrapping != null || !inFlight.isEmpty() || !completions.isEmpty()) {
            return false;
        }
        for (PartitionQueue queue : partitions.values()) {
            if (!queue.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The earliest time something becomes due; bounded so a lost signal costs at most a second. */
    private long nextWakeNanos(long now) {
        long next = now + 1_000_000_000L;
        if (closed) {
            next = earlier(next, closeDeadlineNanos);
        }
        if (metadataStale) {
            next = earlier(next, refreshAtNanos);
        }
        if (!unassigned.isEmpty()) {
            if (bootstrapping == null && partitionCount.getAsInt() <= 0) {
                next = earlier(next, bootstrapAtNanos);
            }
            next = earlier(next, unassigned.peekFirst().deadlineNanos);
        }
        for (PartitionQueue queue : partitions.values()) {
            ProducerBatch head = queue.head();
            boolean retry = !queue.retries.isEmpty();
            if (head != null && !queue.recovering && queue.inFlight < options.maxInFlightBatches()
                    && (retry || queue.windowHasRoom(options.maxInFlightBatches()))) {
                next = earlier(next, retry ? head.retryAtNanos : head.createdNanos + options.linger().toNanos());
            }
            for (ProducerBatch batch : queue.waiting()) {
                next = earlier(next, batch.deadlineNanos());
            }
        }
        return next;
    }

    private static long earlier(long a, long b) {
        return b - a < 0 ? b : a;
    }

    private PartitionQueue queue(int partition) {
        return partitions.computeIfAbsent(partition, PartitionQueue::new);
    }

    /** Queues the completion of a batch's records and the release of their bytes, for the sender thread. */
    private void finish(ProducerBatch batch, Runnable completion) {
        long bytes = batch.bytes;
        completions.add(() -> {
            try {
                completion.run();
            } finally {
                budget.release(bytes);
            }
        });
    }

    private void finishRecord(PendingRecord<?> record, Runnable completion) {
        completions.add(() -> {
            try {
                completion.run();
            } finally {
                budget.release(record.bytes);
            }
        });
    }
}
