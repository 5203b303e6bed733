package io.tributary.protocol.wire;

import io.tributary.format.RecordBatch;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Whole, concatenated batches held in memory: what a client decodes from a fetch response, and what a
 * producer sends. Shares the bytes it wraps (nothing is copied); treat them as immutable.
 *
 * <p>{@code equals} compares the bytes, so decoded messages compare equal to the messages encoded.
 *
 * @param buffer the batches, between position and limit; {@link #buffer()} returns a read-only view
 */
public record MemoryRecords(ByteBuffer buffer) implements RecordsSource {

    /** No batches. */
    public static final MemoryRecords EMPTY = new MemoryRecords(ByteBuffer.allocate(0));

    public MemoryRecords {
        buffer = Objects.requireNonNull(buffer, "buffer").slice();
    }

    /** The bytes of one batch, shared. */
    public static MemoryRecords of(RecordBatch batch) {
        return new MemoryRecords(batch.buffer());
    }

    /** The bytes of {@code batches}, copied one after the other into a new buffer. */
    public static MemoryRecords of(List<RecordBatch> batches) {
        long size = 0;
        for (RecordBatch batch : batches) {
            size += batch.sizeInBytes();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(batches.size() + " batches of " + size + " bytes do not fit one buffer");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        for (RecordBatch batch : batches) {
            all.put(batch.buffer());
        }
        return new MemoryRecords(all.flip());
    }

    /** A read-only view of the bytes, position 0, limit = {@link #sizeInBytes()}. */
    @Override
    public ByteBuffer buffer() {
        return buffer.asReadOnlyBuffer();
    }

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }

    /**
     * The batches, in order, sharing these bytes (read-only).
     *
     * @throws io.tributary.format.CorruptBatchException if a batch header is invalid or the last batch is cut
     *         short; decoders of the protocol check this when they read a frame, so records they return never throw
     */
    public List<RecordBatch> batches() {
        return RecordBatch.splitAll(buffer());
    }

    @Override
    public String toString() {
        return "MemoryRecords[" + sizeInBytes() + " bytes]";
    }
}
