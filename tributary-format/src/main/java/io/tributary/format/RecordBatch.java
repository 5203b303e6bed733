package io.tributary.format;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The bytes of exactly one encoded batch, with typed access to its header. Not thread-safe while
 * {@link #assignBaseOffset(long)} may be called; otherwise a read-only view.
 *
 * <p>Build one with {@link BatchBuilder}; read one from bytes with {@link #wrap(ByteBuffer)}.
 */
public final class RecordBatch {

    /** Largest records section a compressed batch may inflate to; protects readers from decompression bombs. */
    public static final int MAX_UNCOMPRESSED_BYTES = 64 << 20;

    private RecordBatch() {
        throw new UnsupportedOperationException("implemented in the format work");
    }

    /**
     * Wraps the bytes between {@code bytes}' position and limit, which must be exactly one batch. The
     * header is checked ({@link BatchHeader#read}); the checksum is not (see {@link #ensureValid()}).
     *
     * @throws CorruptBatchException if the header is invalid or its length does not match the bytes
     */
    public static RecordBatch wrap(ByteBuffer bytes) {
        throw new UnsupportedOperationException();
    }

    /**
     * Splits a buffer of whole, concatenated batches (as a read returns them) into batches, in order.
     *
     * @throws CorruptBatchException if a header is invalid or the last batch is cut short
     */
    public static List<RecordBatch> splitAll(ByteBuffer bytes) {
        throw new UnsupportedOperationException();
    }

    /** The parsed header. */
    public BatchHeader header() {
        throw new UnsupportedOperationException();
    }

    public long baseOffset() {
        throw new UnsupportedOperationException();
    }

    public long lastOffset() {
        throw new UnsupportedOperationException();
    }

    public int recordCount() {
        throw new UnsupportedOperationException();
    }

    public int sizeInBytes() {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes {@code baseOffset} into the header in place. The checksum does not cover it.
     *
     * @throws java.nio.ReadOnlyBufferException if the batch wraps read-only bytes
     */
    public void assignBaseOffset(long baseOffset) {
        throw new UnsupportedOperationException();
    }

    /** Whether the CRC32C in the header matches the bytes it covers. */
    public boolean isValid() {
        throw new UnsupportedOperationException();
    }

    /** @throws CorruptBatchException naming the expected and actual checksum when {@link #isValid()} is false */
    public void ensureValid() {
        throw new UnsupportedOperationException();
    }

    /** A read-only view of the batch's bytes, position 0, limit = {@link #sizeInBytes()}. */
    public ByteBuffer buffer() {
        throw new UnsupportedOperationException();
    }

    /**
     * Decodes (and decompresses) the records; record {@code i} has offset {@code baseOffset() + i}.
     *
     * @throws CorruptBatchException if the records section does not decode
     */
    public List<Record> records() {
        throw new UnsupportedOperationException();
    }
}
