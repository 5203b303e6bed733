package io.tributary.format;

import io.tributary.api.Record;

/**
 * Encodes records into one {@link RecordBatch}. Not thread-safe; one builder per batch.
 *
 * <pre>{@code
 * RecordBatch batch = BatchBuilder.create()
 *         .compression(CompressionCodec.LZ4)
 *         .producer(producerId, epoch, baseSequence)
 *         .add(Record.of(value, now))
 *         .build();
 * }</pre>
 */
public final class BatchBuilder {

    private BatchBuilder() {
        throw new UnsupportedOperationException("implemented in the format work");
    }

    /** A builder for an uncompressed batch from a producer that is not idempotent. */
    public static BatchBuilder create() {
        throw new UnsupportedOperationException();
    }

    /** Compresses the records section with {@code codec} (default {@link CompressionCodec#NONE}). */
    public BatchBuilder compression(CompressionCodec codec) {
        throw new UnsupportedOperationException();
    }

    /** Marks the batch as coming from an idempotent producer. */
    public BatchBuilder producer(long producerId, short producerEpoch, int baseSequence) {
        throw new UnsupportedOperationException();
    }

    /** Appends a record. */
    public BatchBuilder add(Record record) {
        throw new UnsupportedOperationException();
    }

    /** Records added so far. */
    public int recordCount() {
        throw new UnsupportedOperationException();
    }

    /** Size the batch would have uncompressed, in bytes, header included. */
    public int estimatedSizeInBytes() {
        throw new UnsupportedOperationException();
    }

    /**
     * Encodes the batch with base offset 0 (the log assigns the real one).
     *
     * @throws IllegalStateException if no record was added
     */
    public RecordBatch build() {
        throw new UnsupportedOperationException();
    }
}
