package io.tributary.client.internal;

import io.tributary.format.BatchBuilder;
import io.tributary.format.CompressionCodec;
import io.tributary.format.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Records of one partition that travel together. Mutable; every field is guarded by the
 * {@link RecordAccumulator}'s lock.
 *
 * <p>Life: <em>open</em> (taking records; encoded as they come) → <em>sealed</em> (drained: the
 * sequence number is assigned and the bytes are built) → <em>in flight</em> → acknowledged, failed, or
 * back in its partition's retry queue with the same bytes, so the log can recognise it.
 */
final class ProducerBatch {

    /** Order of creation, the retry order of batches without sequence numbers. */
    final long id;
    final int partition;
    final long createdNanos;
    final List<PendingRecord<?>> records = new ArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private @Nullable BatchBuilder builder;
    private @Nullable RecordBatch built;
    int bytes;
    boolean full;
    int baseSequence = -1;
    short epoch = -1;
    int attempts;
    long retryAtNanos;
    boolean inFlight;
    boolean acknowledged;
    /** Whether an earlier attempt may have been written (its answer was lost): never renumber it then. */
    boolean maybeWritten;
    @Nullable Throwable lastError;

    /** @param expectedBytes room reserved for the encoded batch (see {@link BatchBuilder#create(int)}) */
    ProducerBatch(long id, int partition, long createdNanos, int expectedBytes) {
        this.id = id;
        this.partition = partition;
        this.createdNanos = createdNanos;
        this.builder = BatchBuilder.create(expectedBytes);
    }

    /** Adds a record to an open batch. */
    void add(PendingRecord<?> record) {
        if (builder == null) {
            throw new IllegalStateException("batch " + id + " is sealed");
        }
        builder.add(record.record);
        records.add(record);
        bytes += record.bytes;
    }

    /** Encoded size so far (open) or final size (sealed), header included. */
    int encodedBytes() {
        return builder != null ? builder.estimatedSizeInBytes() : built != null ? built.sizeInBytes() : 0;
    }

    int recordCount() {
        return records.size();
    }

    /**
     * When the batch must be acknowledged by: its first record's delivery deadline, the earliest, since
     * records join in the order they were sent and share one delivery timeout.
     */
    long deadlineNanos() {
        return records.isEmpty() ? Long.MAX_VALUE : records.getFirst().deadlineNanos;
    }

    /**
     * Builds the bytes with the producer id, {@code epoch} and {@link #baseSequence} (when
     * {@code producerId} is not negative). A batch built before is rebuilt only if its numbering changed.
     */
    RecordBatch seal(long producerId, short epoch, CompressionCodec compression) {
        if (built != null && (producerId < 0 || built.header().baseSequence() == baseSequence
                && built.header().producerEpoch() == epoch)) {
            return built;
        }
        BatchBuilder encoder = builder;
        if (encoder == null) {
            BatchBuilder rebuilt = BatchBuilder.create();
            records.forEach(record -> rebuilt.add(record.record));
            encoder = rebuilt;
        }
        encoder.compression(compression);
        if (producerId >= 0) {
            encoder.producer(producerId, epoch, baseSequence);
        }
        this.epoch = epoch;
        this.builder = null;
        this.built = encoder.build();
        return built;
    }

    /** The bytes built by {@link #seal}. */
    RecordBatch bytes() {
        if (built == null) {
            throw new IllegalStateException("batch " + id + " is not sealed");
        }
        return built;
    }

    /** Fails every record still waiting. */
    void fail(Throwable error) {
        for (PendingRecord<?> record : records) {
            record.fail(error);
        }
        done.complete(null);
    }

    /** Acknowledges the records at {@code baseOffset}, {@code baseOffset + 1}, … */
    void succeed(String topic, int assignedPartition, long baseOffset) {
        for (int i = 0; i < records.size(); i++) {
            records.get(i).succeed(topic, assignedPartition, baseOffset + i);
        }
        done.complete(null);
    }

    @Override
    public String toString() {
        return "batch " + id + " of partition " + partition + " (" + records.size() + " records"
                + (baseSequence >= 0 ? ", sequence " + baseSequence + ", epoch " + epoch : "") + ", attempt "
                + (attempts + 1) + ")";
    }
}
