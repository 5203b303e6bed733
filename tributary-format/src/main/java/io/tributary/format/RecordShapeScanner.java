package io.tributary.format;

import java.nio.ByteBuffer;

/**
 * Walks an uncompressed records section ({@link RecordCodec} layout) reading only lengths and counts:
 * no key, value or header is copied and nothing is allocated per record, so a broker can check every
 * produced batch against its record limits for the price of a few varint reads per record.
 *
 * <p>It checks the structure as far as it reads it: each record's length must fit the section, every
 * field must fit its record, the offset deltas must count up from 0 and exactly {@code recordCount}
 * records must fill the section. It does not check UTF-8 or the batch checksum.
 */
final class RecordShapeScanner {

    private static final int NULL_KEY_LENGTH = -1;

    private RecordShapeScanner() {
    }

    /**
     * Visits every record of {@code section} (position to limit; the position is moved to the limit).
     *
     * @throws CorruptBatchException if the section does not hold exactly {@code recordCount} well-framed records
     */
    static void scan(ByteBuffer section, int recordCount, RecordShapeVisitor visitor) {
        if (recordCount > section.remaining() / RecordCodec.MIN_RECORD_BYTES) {
            throw new CorruptBatchException("batch claims " + recordCount + " records but its records section of "
                    + section.remaining() + " bytes holds at most " + section.remaining() / RecordCodec.MIN_RECORD_BYTES);
        }
        for (int index = 0; index < recordCount; index++) {
            int length = Varint.readInt(section);
            if (length < 0 || length > section.remaining()) {
                throw corrupt(index, "claims " + length + " bytes but " + section.remaining() + " remain");
            }
            int end = section.position() + length;
            skip(section, 1, end, index, "attributes");
            Varint.readLong(section); // timestampDelta
            int offsetDelta = Varint.readInt(section);
            if (offsetDelta != index) {
                throw corrupt(index, "carries offset delta " + offsetDelta);
            }
            long payload = 0;
            int keyLength = Varint.readInt(section);
            if (keyLength != NULL_KEY_LENGTH) {
                payload += skipBytes(section, keyLength, end, index, "key");
            }
            payload += skipBytes(section, Varint.readInt(section), end, index, "value");
            int headerCount = Varint.readInt(section);
            // Each header takes at least two bytes (its two lengths).
            if (headerCount < 0 || headerCount > (end - section.position()) / 2) {
                throw corrupt(index, "claims " + headerCount + " headers in " + Math.max(0, end - section.position())
                        + " bytes");
            }
            for (int header = 0; header < headerCount; header++) {
                payload += skipBytes(section, Varint.readInt(section), end, index, "header name");
                payload += skipBytes(section, Varint.readInt(section), end, index, "header value");
            }
            if (section.position() < end) {
                throw corrupt(index, "has " + (end - section.position()) + " bytes after its last header");
            }
            if (section.position() > end) {
                throw corrupt(index, "runs " + (section.position() - end) + " bytes past its declared length");
            }
            visitor.visit(index, headerCount, payload);
        }
        if (section.hasRemaining()) {
            throw new CorruptBatchException(section.remaining() + " bytes follow the last of the batch's "
                    + recordCount + " records");
        }
    }

    private static int skipBytes(ByteBuffer section, int length, int end, int index, String field) {
        if (length < 0) {
            throw corrupt(index, "has a negative " + field + " length " + length);
        }
        skip(section, length, end, index, field);
        return length;
    }

    private static void skip(ByteBuffer section, int length, int end, int index, String field) {
        if (length > end - section.position()) {
            throw corrupt(index, "needs " + length + " bytes for its " + field + " but "
                    + Math.max(0, end - section.position()) + " remain");
        }
        section.position(section.position() + length);
    }

    private static CorruptBatchException corrupt(int index, String problem) {
        return new CorruptBatchException("record at offset delta " + index + " " + problem);
    }
}
