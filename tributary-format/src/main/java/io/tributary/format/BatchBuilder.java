package io.tributary.format;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

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
 *
 * <p>This is on the producer's hot path: each record is encoded once, on {@link #add}, straight into a
 * growing array that leaves room for the header, so an uncompressed {@link #build()} only fills in the
 * header and checksum and hands that array to the batch without copying it.
 */
public final class BatchBuilder {

    private static final int INITIAL_CAPACITY = 1024;
    private static final byte[] RELEASED = new byte[0];

    /** Header space, then the encoded records; {@code size} bytes are used. */
    private byte[] buffer;
    private int size = BatchHeader.SIZE;
    private int recordCount;
    private long firstTimestamp;
    private long maxTimestamp;
    private CompressionCodec compression = CompressionCodec.NONE;
    private long producerId = BatchHeader.NO_PRODUCER_ID;
    private short producerEpoch = BatchHeader.NO_PRODUCER_EPOCH;
    private int baseSequence = BatchHeader.NO_SEQUENCE;
    private boolean built;

    private BatchBuilder(int initialCapacity) {
        this.buffer = new byte[initialCapacity];
    }

    /** A builder for an uncompressed batch from a producer that is not idempotent. */
    public static BatchBuilder create() {
        return new BatchBuilder(INITIAL_CAPACITY);
    }

    /**
     * Like {@link #create()}, with room for about {@code expectedBytes} (header included) reserved up
     * front, so a producer that knows how large its batches grow does not copy the array while it grows.
     * The hint is clamped to the largest batch readers accept; a batch still grows past it if needed.
     */
    public static BatchBuilder create(int expectedBytes) {
        long clamped = Math.min(Math.max(expectedBytes, BatchHeader.SIZE), (long) BatchHeader.SIZE + RecordBatch.MAX_UNCOMPRESSED_BYTES);
        return new BatchBuilder((int) clamped);
    }

    /** Compresses the records section with {@code codec} (default {@link CompressionCodec#NONE}). */
    public BatchBuilder compression(CompressionCodec codec) {
        requireNotBuilt();
        this.compression = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * Marks the batch as coming from an idempotent producer.
     *
     * @throws IllegalArgumentException if any argument is negative (negative values mean "not idempotent")
     */
    public BatchBuilder producer(long producerId, short producerEpoch, int baseSequence) {
        requireNotBuilt();
        if (producerId < 0 || producerEpoch < 0 || baseSequence < 0) {
            throw new IllegalArgumentException("an idempotent producer has a non-negative id, epoch and sequence, got "
                    + producerId + ", " + producerEpoch + ", " + baseSequence);
        }
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /**
     * Appends a record.
     *
     * @throws IllegalStateException if the records section would grow past
     *                               {@link RecordBatch#MAX_UNCOMPRESSED_BYTES}, which readers refuse (the
     *                               builder is unchanged: build what it holds and start another batch), or
     *                               if {@link #build()} was called
     */
    public BatchBuilder add(Record record) {
        Objects.requireNonNull(record, "record");
        requireNotBuilt();
        long batchFirstTimestamp = recordCount == 0 ? record.timestamp() : firstTimestamp;
        // Wrapping subtraction: the reader's wrapping addition restores any timestamp exactly.
        long timestampDelta = record.timestamp() - batchFirstTimestamp;
        long bodySize = RecordCodec.bodySize(record, timestampDelta, recordCount);
        // A body past Integer.MAX_VALUE fails the check below whatever its length field takes.
        long recordsLength = (long) size - BatchHeader.SIZE + bodySize
                + (bodySize <= Integer.MAX_VALUE ? Varint.sizeOfInt((int) bodySize) : Varint.MAX_INT_BYTES);
        if (recordsLength > RecordBatch.MAX_UNCOMPRESSED_BYTES) {
            throw new IllegalStateException("a record of " + bodySize + " bytes would grow the batch's records section to "
                    + recordsLength + " bytes, past RecordBatch.MAX_UNCOMPRESSED_BYTES = "
                    + RecordBatch.MAX_UNCOMPRESSED_BYTES + " that readers accept; build this batch and start another");
        }
        ensureCapacity(BatchHeader.SIZE + (int) recordsLength);
        size = RecordCodec.write(record, timestampDelta, recordCount, (int) bodySize, buffer, size);
        firstTimestamp = batchFirstTimestamp;
        maxTimestamp = recordCount == 0 ? record.timestamp() : Math.max(maxTimestamp, record.timestamp());
        recordCount++;
        return this;
    }

    /** Records added so far. */
    public int recordCount() {
        return recordCount;
    }

    /** Size the batch would have uncompressed, in bytes, header included. */
    public int estimatedSizeInBytes() {
        return size;
    }

    /**
     * Encodes the batch with base offset 0 (the log assigns the real one). The builder cannot be used
     * afterwards: an uncompressed batch shares its array.
     *
     * @throws IllegalStateException if no record was added, or if {@code build()} was already called
     */
    public RecordBatch build() {
        requireNotBuilt();
        if (recordCount == 0) {
            throw new IllegalStateException("a batch needs at least one record; add one before build()");
        }
        built = true;
        byte[] batch = buffer;
        int batchSize = size;
        if (compression != CompressionCodec.NONE) {
            Compressor compressor = Compressor.of(compression);
            int recordsLength = size - BatchHeader.SIZE;
            batch = new byte[BatchHeader.SIZE + RecordsSection.maxCompressedSize(compressor, recordsLength)];
            batchSize = BatchHeader.SIZE + RecordsSection.writeCompressed(compressor, buffer, BatchHeader.SIZE,
                    recordsLength, batch, BatchHeader.SIZE);
        }
        buffer = RELEASED; // the batch owns the bytes now
        ByteBuffer bytes = ByteBuffer.wrap(batch, 0, batchSize).slice();
        writeHeader(bytes);
        bytes.putInt(BatchHeader.CRC_OFFSET, RecordBatch.computeChecksum(bytes));
        return new RecordBatch(bytes, BatchHeader.read(bytes, 0));
    }

    private void writeHeader(ByteBuffer bytes) {
        bytes.putLong(BatchHeader.BASE_OFFSET_OFFSET, 0L)
                .putInt(BatchHeader.LENGTH_OFFSET, bytes.limit() - BatchHeader.LENGTH_PREFIX_SIZE)
                .put(BatchHeader.FORMAT_VERSION_OFFSET, BatchHeader.CURRENT_FORMAT_VERSION)
                .putShort(BatchHeader.ATTRIBUTES_OFFSET, (short) compression.id())
                .putInt(BatchHeader.LAST_OFFSET_DELTA_OFFSET, recordCount - 1)
                .putLong(BatchHeader.FIRST_TIMESTAMP_OFFSET, firstTimestamp)
                .putLong(BatchHeader.MAX_TIMESTAMP_OFFSET, maxTimestamp)
                .putLong(BatchHeader.PRODUCER_ID_OFFSET, producerId)
                .putShort(BatchHeader.PRODUCER_EPOCH_OFFSET, producerEpoch)
                .putInt(BatchHeader.BASE_SEQUENCE_OFFSET, baseSequence)
                .putInt(BatchHeader.RECORD_COUNT_OFFSET, recordCount);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            // Doubling keeps appends amortised O(1); the cap on the records section bounds the array.
            int grown = (int) Math.min(Math.max((long) buffer.length * 2, needed),
                    (long) BatchHeader.SIZE + RecordBatch.MAX_UNCOMPRESSED_BYTES);
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    private void requireNotBuilt() {
        if (built) {
            throw new IllegalStateException("this builder already built its batch; use one builder per batch");
        }
    }
}
