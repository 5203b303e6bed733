package io.tributary.log.internal;

import io.tributary.format.BatchHeader;
import io.tributary.log.AppendResult;
import io.tributary.log.OutOfOrderSequenceException;
import io.tributary.log.ProducerFencedException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Per idempotent producer id, the epoch and the last {@value #REMEMBERED_BATCHES} batches the log
 * accepted, so a retried batch is answered with its original offsets instead of being written twice.
 * Rebuilt from the batch headers on open. Confined to the append lock.
 *
 * <p>Rules, for a batch of producer {@code p}, epoch {@code e}, sequences {@code s..t}:
 * <ul>
 *   <li>unknown {@code p}: accepted (its history may have gone with retention);</li>
 *   <li>{@code e} below the known epoch: {@link ProducerFencedException};</li>
 *   <li>{@code e} above it: accepted only from sequence 0, the start of a new epoch;</li>
 *   <li>same epoch, {@code s..t} equal to a remembered batch: a duplicate, answered with its offsets;</li>
 *   <li>same epoch, {@code s} right after the last sequence: accepted;</li>
 *   <li>otherwise {@link OutOfOrderSequenceException}: a gap, or a retry too old to be remembered.</li>
 * </ul>
 */
final class ProducerStateTable {

    static final int REMEMBERED_BATCHES = 5;

    private final Map<Long, ProducerState> producers = new HashMap<>();

    /** One accepted batch of a producer. */
    private record AcceptedBatch(int baseSequence, int lastSequence, long baseOffset, long lastOffset) {
    }

    /** What the table knows of one producer id. */
    private static final class ProducerState {
        short epoch;
        final ArrayDeque<AcceptedBatch> batches = new ArrayDeque<>(REMEMBERED_BATCHES);

        ProducerState(short epoch) {
            this.epoch = epoch;
        }

        AcceptedBatch last() {
            return batches.peekLast();
        }
    }

    /**
     * Checks a batch about to be appended.
     *
     * @return the original result when the batch is a duplicate; null when it should be written
     * @throws ProducerFencedException      for an older epoch
     * @throws OutOfOrderSequenceException  for a gap or a forgotten retry
     */
    @Nullable AppendResult check(BatchHeader header) {
        if (!header.hasProducerId()) {
            return null;
        }
        ProducerState state = producers.get(header.producerId());
        if (state == null) {
            return null;
        }
        short epoch = header.producerEpoch();
        if (epoch < state.epoch) {
            throw new ProducerFencedException("producer " + header.producerId() + " sent epoch " + epoch
                    + " but epoch " + state.epoch + " has taken over; the producer with the older epoch must stop");
        }
        if (epoch > state.epoch) {
            if (header.baseSequence() != 0) {
                throw new OutOfOrderSequenceException("producer " + header.producerId() + " started epoch " + epoch
                        + " at sequence " + header.baseSequence() + "; a new epoch starts at sequence 0");
            }
            return null;
        }
        for (AcceptedBatch batch : state.batches) {
            if (batch.baseSequence == header.baseSequence() && batch.lastSequence == header.lastSequence()) {
                return new AppendResult(batch.baseOffset, batch.lastOffset, true);
            }
        }
        int expected = nextSequence(state.last().lastSequence);
        if (header.baseSequence() != expected) {
            String kind = isOlder(header.baseSequence(), expected)
                    ? "is older than the last " + REMEMBERED_BATCHES + " batches the log remembers"
                    : "leaves a gap (records between were lost)";
            throw new OutOfOrderSequenceException("producer " + header.producerId() + " epoch " + epoch
                    + " sent sequence " + header.baseSequence() + " but the log expected " + expected + ": the batch "
                    + kind + "; restart the producer with a new epoch");
        }
        return null;
    }

    /** Records a batch that was written (or found by recovery) at {@code baseOffset}. */
    void accepted(BatchHeader header, long baseOffset) {
        if (!header.hasProducerId()) {
            return;
        }
        ProducerState state = producers.computeIfAbsent(header.producerId(), id -> new ProducerState(header.producerEpoch()));
        if (header.producerEpoch() != state.epoch) {
            state.epoch = header.producerEpoch();
            state.batches.clear();
        }
        if (state.batches.size() == REMEMBERED_BATCHES) {
            state.batches.removeFirst();
        }
        state.batches.addLast(new AcceptedBatch(header.baseSequence(), header.lastSequence(), baseOffset,
                baseOffset + header.lastOffsetDelta()));
    }

    /** Forgets everything (before a rebuild). */
    void clear() {
        producers.clear();
    }

    int size() {
        return producers.size();
    }

    private static int nextSequence(int sequence) {
        return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
    }

    /** Whether {@code sequence} comes before {@code expected}, allowing for wrap-around past Integer.MAX_VALUE. */
    private static boolean isOlder(int sequence, int expected) {
        long distance = ((long) expected - sequence + (1L << 31)) % (1L << 31);
        return distance > 0 && distance < (1L << 30);
    }
}
