package io.tributary.client.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One partition's batches and sequence numbers inside the {@link RecordAccumulator}, guarded by its lock.
 *
 * <p>Order is kept by three rules. Batches leave in sequence order, retries (lowest sequence first)
 * before new ones. After a failure the partition <em>recovers</em>: nothing new is sent until every batch
 * in flight has answered, so the batches that failed can go again in order; those that the log refused
 * only because an earlier one was missing ({@code OUT_OF_ORDER_SEQUENCE}) simply follow it. When a batch
 * is dropped for good, its sequence numbers leave a gap the log would refuse, so the partition starts a
 * new producer epoch and renumbers the batches not yet written from 0 (the log accepts a new epoch from
 * sequence 0).
 */
final class PartitionQueue {

    /** Retry order: by sequence when numbered, else by creation. */
    private static final Comparator<ProducerBatch> RETRY_ORDER = Comparator
            .comparingInt((ProducerBatch batch) -> batch.baseSequence)
            .thenComparingLong(batch -> batch.id);

    private static final int MIN_EXPECTED_BATCH_BYTES = 1024;

    final int partition;
    /** New batches, oldest first; the last may still take records. */
    final Deque<ProducerBatch> fresh = new ArrayDeque<>();
    /** Batches that failed and go again, lowest sequence first. */
    final TreeSet<ProducerBatch> retries = new TreeSet<>(RETRY_ORDER);
    /**
     * Batches from the oldest not yet acknowledged to the newest sent, in sequence order, acknowledged
     * ones in between included. The log recognises a retry only among a producer's last
     * {@value io.tributary.client.ProducerOptions#MAX_IN_FLIGHT_BATCHES_LIMIT} batches, so a new batch
     * may leave only while this span is shorter than the in-flight limit: counting only the batches in
     * flight would let a batch whose answer was lost fall out of the log's memory before its retry.
     */
    final List<ProducerBatch> window = new ArrayList<>();
    int inFlight;
    int nextSequence;
    short epoch;
    /** A failure happened: send nothing until the batches in flight have answered. */
    boolean recovering;
    /** A batch was dropped for good: renumber under a new epoch once nothing is in flight. */
    boolean needsNewEpoch;
    /** Encoded size of the last batch sent, the guess for the next one's (0 before the first). */
    int lastBatchBytes;

    PartitionQueue(int partition) {
        this.partition = partition;
    }

    /** Whether a new batch may join the {@link #window}. */
    boolean windowHasRoom(int maxInFlight) {
        return window.size() < maxInFlight;
    }

    /** {@code batch} was acknowledged: the window now starts at the oldest batch still waiting. */
    void acknowledged(ProducerBatch batch) {
        batch.acknowledged = true;
        while (!window.isEmpty() && window.getFirst().acknowledged) {
            window.removeFirst();
        }
    }

    /**
     * Room to reserve for a new batch: a quarter more than the last one reached, so a steady stream
     * encodes each batch without growing (and copying) its array; at most the batch size limit plus
     * slack for the record that fills it.
     */
    int expectedBatchBytes(long batchSizeLimit) {
        long guess = lastBatchBytes + (lastBatchBytes >> 2);
        return (int) Math.min(Math.max(guess, MIN_EXPECTED_BATCH_BYTES), batchSizeLimit + MIN_EXPECTED_BATCH_BYTES);
    }

    /**
     * Whether a batch numbered before {@code batch} waits to be retried: then the log refusing
     * {@code batch} as out of order was expected, not a loss.
     */
    boolean hasRetryBefore(ProducerBatch batch) {
        // retries are ordered by sequence: the first is the lowest
        return !retries.isEmpty() && retries.first().baseSequence < batch.baseSequence;
    }

    /** The open batch that takes records, if any. */
    @Nullable ProducerBatch openBatch() {
        ProducerBatch last = fresh.peekLast();
        return last != null && !last.full ? last : null;
    }

    /** The batch that would leave next, if any. */
    @Nullable ProducerBatch head() {
        return retries.isEmpty() ? fresh.peekFirst() : retries.first();
    }

    /** Takes the batch {@link #head()} named. */
    ProducerBatch takeHead() {
        return retries.isEmpty() ? fresh.removeFirst() : retries.pollFirst();
    }

    boolean isEmpty() {
        return fresh.isEmpty() && retries.isEmpty() && inFlight == 0;
    }

    /** Every batch not in flight. */
    List<ProducerBatch> waiting() {
        List<ProducerBatch> all = new ArrayList<>(retries);
        all.addAll(fresh);
        return all;
    }

    /**
     * Starts a new epoch: the batches waiting for a retry get sequences from 0 in their order. Those
     * that may already have been written cannot be renumbered (the log would take them twice); they
     * are returned for the caller to fail.
     */
    List<ProducerBatch> renumberUnderNewEpoch() {
        List<ProducerBatch> unknown = new ArrayList<>();
        List<ProducerBatch> kept = new ArrayList<>();
        for (ProducerBatch batch : retries) {
            (batch.maybeWritten ? unknown : kept).add(batch);
        }
        retries.clear();
        window.removeIf(batch -> batch.acknowledged || unknown.contains(batch)); // the new epoch's log remembers nothing
        epoch++;
        nextSequence = 0;
        for (ProducerBatch batch : kept) {
            batch.baseSequence = nextSequence; // seal() rebuilds: its epoch or sequence changed
            nextSequence += batch.recordCount();
            retries.add(batch);
        }
        needsNewEpoch = false;
        return unknown;
    }
}
