package io.tributary.format;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of exactly one encoded batch, with typed access to its header. Not thread-safe while
 * {@link #assignBaseOffset(long)} may be called; otherwise a read-only view.
 *
 * <p>Build one with {@link BatchBuilder}; read one from bytes with {@link #wrap(ByteBuffer)}.
 *
 * <p>A batch shares the bytes it wraps rather than copying them: changes to them show through, and
 * {@link #assignBaseOffset(long)} writes into them.
 */
public final class RecordBatch {

    /** Largest records section a compressed batch may inflate to; protects readers from decompression bombs. */
    public static final int MAX_UNCOMPRESSED_BYTES = 64 << 20;

    /** Exactly the batch: position 0, limit = size. Only absolute reads and writes, so never moved. */
    private final ByteBuffer bytes;
    private BatchHeader header;

    RecordBatch(ByteBuffer bytes, BatchHeader header) {
        this.bytes = bytes;
        this.header = header;
    }

    /**
     * Wraps the bytes between {@code bytes}' position and limit, which must be exactly one batch. The
     * header is checked ({@link BatchHeader#read}); the checksum is not (see {@link #ensureValid()}).
     *
     * @throws CorruptBatchException if the header is invalid or its length does not match the bytes
     */
    public static RecordBatch wrap(ByteBuffer bytes) {
        ByteBuffer batch = bytes.slice();
        if (batch.remaining() < BatchHeader.SIZE) {
            throw new CorruptBatchException(batch.remaining() + " bytes cannot be a batch: the header alone is "
                    + BatchHeader.SIZE + " bytes");
        }
        BatchHeader header = BatchHeader.read(batch, 0);
        if (header.sizeInBytes() != batch.remaining()) {
            throw new CorruptBatchException("batch at base offset " + header.baseOffset() + " declares "
                    + header.sizeInBytes() + " bytes but " + batch.remaining() + " were given; wrap takes exactly "
                    + "one batch (splitAll takes several)");
        }
        return new RecordBatch(batch, header);
    }

    /**
     * Splits a buffer of whole, concatenated batches (as a read returns them) into batches, in order.
     *
     * @throws CorruptBatchException if a header is invalid or the last batch is cut short
     */
    public static List<RecordBatch> splitAll(ByteBuffer bytes) {
        ByteBuffer all = bytes.duplicate(); // big-endian, whatever order the caller's buffer has
        List<RecordBatch> batches = new ArrayList<>();
        int index = all.position();
        while (index < all.limit()) {
            int remaining = all.limit() - index;
            if (remaining < BatchHeader.SIZE) {
                throw new CorruptBatchException("batch " + batches.size() + " is cut short: " + remaining
                        + " bytes remain where a header needs " + BatchHeader.SIZE);
            }
            BatchHeader header = BatchHeader.read(all, index);
            if (header.sizeInBytes() > remaining) {
                throw new CorruptBatchException("batch " + batches.size() + " at base offset " + header.baseOffset()
                        + " is cut short: it declares " + header.sizeInBytes() + " bytes but " + remaining + " remain");
            }
            batches.add(new RecordBatch(all.slice(index, header.sizeInBytes()), header));
            index += header.sizeInBytes();
        }
        return Collections.unmodifiableList(batches);
    }

    /** The parsed header. */
    public BatchHeader header() {
        return header;
    }

    public long baseOffset() {
        return header.baseOffset();
    }

    public long lastOffset() {
        return header.lastOffset();
    }

    public int recordCount() {
        return header.recordCount();
    }

    public int sizeInBytes() {
        return bytes.limit();
    }

    /**
     * Writes {@code baseOffset} into the header in place. The checksum does not cover it.
     *
     * @throws java.nio.ReadOnlyBufferException if the batch wraps read-only bytes
     * @throws IllegalArgumentException         if {@code baseOffset} is negative
     */
    public void assignBaseOffset(long baseOffset) {
        if (baseOffset < 0) {
            throw new IllegalArgumentException("base offset must not be negative: " + baseOffset);
        }
        bytes.putLong(BatchHeader.BASE_OFFSET_OFFSET, baseOffset);
        BatchHeader h = header;
        header = new BatchHeader(baseOffset, h.sizeInBytes(), h.formatVersion(), h.crc(), h.attributes(),
                h.lastOffsetDelta(), h.firstTimestamp(), h.maxTimestamp(), h.producerId(), h.producerEpoch(),
                h.baseSequence(), h.recordCount());
    }

    /** Whether the CRC32C in the header matches the bytes it covers. */
    public boolean isValid() {
        return storedChecksum() == computeChecksum(bytes);
    }

    /** @throws CorruptBatchException naming the expected and actual checksum when {@link #isValid()} is false */
    public void ensureValid() {
        int stored = storedChecksum();
        int actual = computeChecksum(bytes);
        if (stored != actual) {
            throw new CorruptBatchException(String.format(
                    "batch at base offset %d (%d bytes) fails its checksum: the header says CRC32C 0x%08x, "
                            + "the bytes give 0x%08x", baseOffset(), sizeInBytes(), stored, actual));
        }
    }

    /** A read-only view of the batch's bytes, position 0, limit = {@link #sizeInBytes()}. */
    public ByteBuffer buffer() {
        return bytes.asReadOnlyBuffer();
    }

    /**
     * Decodes (and decompresses) the records; record {@code i} has offset {@code baseOffset() + i}.
     * Each call decodes again; the list is unmodifiable and the records share no bytes with the batch.
     *
     * @throws CorruptBatchException if the records section does not decode
     */
    public List<Record> records() {
        try {
            return RecordsSection.decode(bytes, header);
        } catch (CorruptBatchException e) {
            throw new CorruptBatchException("batch at base offset " + baseOffset() + " does not decode: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code visitor} with the header count and payload size of every record, in offset order,
     * reading only the records' lengths and counts: nothing is allocated per record, so this is cheap
     * enough to run on every produced batch. A compressed batch is decompressed first (into one array of
     * its uncompressed size). Exceptions the visitor throws stop the walk and pass through.
     *
     * @throws CorruptBatchException if the records section does not decompress or is not framed as
     *                               {@link #recordCount()} records
     */
    public void visitRecordShapes(RecordShapeVisitor visitor) {
        try {
            RecordsSection.visitShapes(bytes, header, visitor);
        } catch (CorruptBatchException e) {
            throw new CorruptBatchException("batch at base offset " + baseOffset() + " does not decode: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RecordBatch[baseOffset=" + baseOffset() + ", recordCount=" + recordCount() + ", sizeInBytes="
                + sizeInBytes() + ", attributes=" + header.attributes() + "]";
    }

    /** CRC32C of bytes {@link BatchHeader#ATTRIBUTES_OFFSET} to the end of {@code batch} (position 0, limit = size). */
    static int computeChecksum(ByteBuffer batch) {
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(BatchHeader.ATTRIBUTES_OFFSET));
        return (int) crc.getValue();
    }

    private int storedChecksum() {
        return bytes.getInt(BatchHeader.CRC_OFFSET);
    }
}
