package io.tributary.format;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The part of a batch after its header. Uncompressed, it is the records back to back
 * ({@link RecordCodec}). Compressed, it is an int32 {@code uncompressedLength} followed by the
 * compressed records; readers refuse an {@code uncompressedLength} above
 * {@link RecordBatch#MAX_UNCOMPRESSED_BYTES} before allocating anything.
 */
final class RecordsSection {

    /** Size of the {@code uncompressedLength} field that starts a compressed section. */
    static final int UNCOMPRESSED_LENGTH_SIZE = 4;

    private RecordsSection() {
    }

    /** Bytes a compressed section of {@code recordsLength} bytes of records may take. */
    static int maxCompressedSize(Compressor compressor, int recordsLength) {
        return UNCOMPRESSED_LENGTH_SIZE + compressor.maxCompressedLength(recordsLength);
    }

    /**
     * Writes the compressed section for {@code length} bytes of encoded records at {@code offset} of
     * {@code records} into {@code destination} from {@code destinationOffset}, which must have
     * {@link #maxCompressedSize} bytes of room.
     *
     * @return bytes written, {@code uncompressedLength} included
     */
    static int writeCompressed(Compressor compressor, byte[] records, int offset, int length,
            byte[] destination, int destinationOffset) {
        ByteBuffer.wrap(destination).putInt(destinationOffset, length);
        return UNCOMPRESSED_LENGTH_SIZE + compressor.compress(records, offset, length, destination,
                destinationOffset + UNCOMPRESSED_LENGTH_SIZE);
    }

    /**
     * Decodes the records of one batch.
     *
     * @param batch  the batch's bytes, position 0, limit = its size; not moved
     * @param header the batch's header, read from the same bytes
     * @return the records in offset order, unmodifiable
     * @throws CorruptBatchException if the section does not decompress or decode into exactly
     *                               {@code header.recordCount()} records
     */
    static List<Record> decode(ByteBuffer batch, BatchHeader header) {
        ByteBuffer section = batch.slice(BatchHeader.SIZE, batch.limit() - BatchHeader.SIZE);
        CompressionCodec codec = header.compression();
        if (codec != CompressionCodec.NONE) {
            section = inflate(section, codec, header.recordCount());
        }
        return decodeRecords(section, header);
    }

    /**
     * Visits the shape of every record of one batch without decoding the records; a compressed section
     * is inflated first (one array of its uncompressed size).
     *
     * @param batch  the batch's bytes, position 0, limit = its size; not moved
     * @param header the batch's header, read from the same bytes
     * @throws CorruptBatchException if the section does not decompress or hold exactly
     *                               {@code header.recordCount()} well-framed records
     */
    static void visitShapes(ByteBuffer batch, BatchHeader header, RecordShapeVisitor visitor) {
        ByteBuffer section = batch.slice(BatchHeader.SIZE, batch.limit() - BatchHeader.SIZE);
        CompressionCodec codec = header.compression();
        if (codec != CompressionCodec.NONE) {
            section = inflate(section, codec, header.recordCount());
        }
        RecordShapeScanner.scan(section, header.recordCount(), visitor);
    }

    private static ByteBuffer inflate(ByteBuffer section, CompressionCodec codec, int recordCount) {
        if (section.remaining() < UNCOMPRESSED_LENGTH_SIZE) {
            throw new CorruptBatchException(codec + " records section of " + section.remaining()
                    + " bytes is too short for its " + UNCOMPRESSED_LENGTH_SIZE + "-byte uncompressed length");
        }
        int uncompressedLength = section.getInt();
        if (uncompressedLength < 0 || uncompressedLength > RecordBatch.MAX_UNCOMPRESSED_BYTES) {
            throw new CorruptBatchException(codec + " records section claims to inflate to " + uncompressedLength
                    + " bytes, outside 0.." + RecordBatch.MAX_UNCOMPRESSED_BYTES
                    + " (RecordBatch.MAX_UNCOMPRESSED_BYTES); refusing to decompress it");
        }
        requirePlausibleCount(recordCount, uncompressedLength);
        byte[] records = new byte[uncompressedLength];
        int length = section.remaining();
        if (section.hasArray()) {
            Compressor.of(codec).decompress(section.array(), section.arrayOffset() + section.position(), length, records);
        } else {
            // Direct or read-only bytes: the decompressors want an array. Bounded by the batch size.
            byte[] compressed = new byte[length];
            section.get(compressed);
            Compressor.of(codec).decompress(compressed, 0, length, records);
        }
        return ByteBuffer.wrap(records);
    }

    private static List<Record> decodeRecords(ByteBuffer section, BatchHeader header) {
        int count = header.recordCount();
        requirePlausibleCount(count, section.remaining());
        List<Record> records = new ArrayList<>(count);
        for (int offsetDelta = 0; offsetDelta < count; offsetDelta++) {
            records.add(RecordCodec.read(section, header.firstTimestamp(), offsetDelta));
        }
        if (section.hasRemaining()) {
            throw new CorruptBatchException(section.remaining() + " bytes follow the last of the batch's "
                    + count + " records");
        }
        return Collections.unmodifiableList(records);
    }

    /** Rejects a record count the section cannot hold before a list of that size is allocated. */
    private static void requirePlausibleCount(int recordCount, int sectionLength) {
        if (recordCount > sectionLength / RecordCodec.MIN_RECORD_BYTES) {
            throw new CorruptBatchException("batch claims " + recordCount + " records but its records section of "
                    + sectionLength + " bytes holds at most " + sectionLength / RecordCodec.MIN_RECORD_BYTES);
        }
    }
}
