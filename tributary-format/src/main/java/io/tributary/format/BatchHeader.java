package io.tributary.format;

import java.nio.ByteBuffer;

/**
 * The fixed 57-byte header at the start of every batch (format version 1, big-endian). Layout, as
 * documented in docs/storage-format.md:
 *
 * <pre>
 * offset size field
 *  0     8    baseOffset       offset of the first record; assigned by the log at append
 *  8     4    length           bytes that follow this field (batch size - 12)
 * 12     1    formatVersion    1
 * 13     4    crc              CRC32C of every byte from offset 17 to the end of the batch
 * 17     2    attributes       bits 0-2: compression codec; other bits 0
 * 19     4    lastOffsetDelta  recordCount - 1
 * 23     8    firstTimestamp   ms since the epoch
 * 31     8    maxTimestamp     ms since the epoch
 * 39     8    producerId       -1 when the producer is not idempotent
 * 47     2    producerEpoch    -1 when the producer is not idempotent
 * 49     4    baseSequence     sequence of the first record, -1 when not idempotent
 * 53     4    recordCount
 * 57          records          (compressed as a whole when the codec is not NONE)
 * </pre>
 *
 * <p>The checksum does not cover {@code baseOffset} and {@code length}, so the log assigns offsets by
 * rewriting eight bytes without recomputing it.
 */
public record BatchHeader(
        long baseOffset,
        int sizeInBytes,
        byte formatVersion,
        int crc,
        short attributes,
        int lastOffsetDelta,
        long firstTimestamp,
        long maxTimestamp,
        long producerId,
        short producerEpoch,
        int baseSequence,
        int recordCount) {

    /** Size of the fixed header in bytes. */
    public static final int SIZE = 57;
    /** Bytes to read before the size of a batch is known: base offset and length. */
    public static final int LENGTH_PREFIX_SIZE = 12;
    /** The format version this code writes. */
    public static final byte CURRENT_FORMAT_VERSION = 1;
    /** Producer id of batches from a producer that is not idempotent. */
    public static final long NO_PRODUCER_ID = -1L;
    /** Producer epoch of batches from a producer that is not idempotent. */
    public static final short NO_PRODUCER_EPOCH = -1;
    /** Base sequence of batches from a producer that is not idempotent. */
    public static final int NO_SEQUENCE = -1;

    static final int BASE_OFFSET_OFFSET = 0;
    static final int LENGTH_OFFSET = 8;
    static final int FORMAT_VERSION_OFFSET = 12;
    static final int CRC_OFFSET = 13;
    static final int ATTRIBUTES_OFFSET = 17;
    static final int LAST_OFFSET_DELTA_OFFSET = 19;
    static final int FIRST_TIMESTAMP_OFFSET = 23;
    static final int MAX_TIMESTAMP_OFFSET = 31;
    static final int PRODUCER_ID_OFFSET = 39;
    static final int PRODUCER_EPOCH_OFFSET = 47;
    static final int BASE_SEQUENCE_OFFSET = 49;
    static final int RECORD_COUNT_OFFSET = 53;
    static final int COMPRESSION_MASK = 0x07;

    /**
     * Reads the header of the batch that starts at {@code index} of {@code buffer} (absolute reads;
     * the buffer's position is not moved). Checks what can be checked without the records: the format
     * version, that the size is at least a header, and that the record count matches the offset delta.
     * The checksum is checked by {@link RecordBatch#ensureValid()}.
     *
     * @throws CorruptBatchException          naming what is wrong
     * @throws IndexOutOfBoundsException      if fewer than {@link #SIZE} bytes remain after {@code index}
     */
    public static BatchHeader read(ByteBuffer buffer, int index) {
        if (buffer.limit() - index < SIZE) {
            throw new IndexOutOfBoundsException("a batch header needs " + SIZE + " bytes, " + (buffer.limit() - index) + " remain");
        }
        int length = buffer.getInt(index + LENGTH_OFFSET);
        byte version = buffer.get(index + FORMAT_VERSION_OFFSET);
        if (version != CURRENT_FORMAT_VERSION) {
            throw new CorruptBatchException("unknown batch format version " + version + " (this build reads version "
                    + CURRENT_FORMAT_VERSION + ")");
        }
        if (length < SIZE - LENGTH_PREFIX_SIZE || length > Integer.MAX_VALUE - LENGTH_PREFIX_SIZE) {
            throw new CorruptBatchException("impossible batch length " + length + " (at least " + (SIZE - LENGTH_PREFIX_SIZE) + ")");
        }
        int lastOffsetDelta = buffer.getInt(index + LAST_OFFSET_DELTA_OFFSET);
        int recordCount = buffer.getInt(index + RECORD_COUNT_OFFSET);
        if (recordCount < 1 || lastOffsetDelta != recordCount - 1) {
            throw new CorruptBatchException("batch claims " + recordCount + " records but a last offset delta of "
                    + lastOffsetDelta);
        }
        return new BatchHeader(
                buffer.getLong(index + BASE_OFFSET_OFFSET),
                length + LENGTH_PREFIX_SIZE,
                version,
                buffer.getInt(index + CRC_OFFSET),
                buffer.getShort(index + ATTRIBUTES_OFFSET),
                lastOffsetDelta,
                buffer.getLong(index + FIRST_TIMESTAMP_OFFSET),
                buffer.getLong(index + MAX_TIMESTAMP_OFFSET),
                buffer.getLong(index + PRODUCER_ID_OFFSET),
                buffer.getShort(index + PRODUCER_EPOCH_OFFSET),
                buffer.getInt(index + BASE_SEQUENCE_OFFSET),
                recordCount);
    }

    /** Offset of the last record in the batch. */
    public long lastOffset() {
        return baseOffset + lastOffsetDelta;
    }

    /** Offset the record after this batch gets. */
    public long nextOffset() {
        return baseOffset + recordCount;
    }

    /** The codec the records section is compressed with. */
    public CompressionCodec compression() {
        return CompressionCodec.fromId(attributes & COMPRESSION_MASK);
    }

    /** Whether the batch comes from an idempotent producer. */
    public boolean hasProducerId() {
        return producerId != NO_PRODUCER_ID;
    }

    /** Sequence of the last record, wrapping past {@link Integer#MAX_VALUE} to 0 as the producer does. */
    public int lastSequence() {
        if (baseSequence == NO_SEQUENCE) {
            return NO_SEQUENCE;
        }
        return sequenceAfter(baseSequence, lastOffsetDelta);
    }

    /**
     * The sequence number {@code count} after {@code sequence}: sequence numbers run from 0 to
     * {@link Integer#MAX_VALUE} and then wrap to 0.
     *
     * @param sequence a sequence number, not negative
     * @param count    how many further, not negative
     */
    public static int sequenceAfter(int sequence, int count) {
        long next = (long) sequence + count;
        return (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next);
    }
}
