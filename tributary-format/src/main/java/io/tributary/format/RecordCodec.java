package io.tributary.format;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes one record of the (uncompressed) records section. Every field is a zigzag
 * {@link Varint} unless noted:
 *
 * <pre>
 * length          bytes of the record after this field
 * attributes      int8, reserved: written 0, ignored by version 1 readers
 * timestampDelta  varlong: timestamp - batch firstTimestamp (wrapping; may be negative)
 * offsetDelta     position of the record in the batch, 0 to recordCount - 1
 * keyLength       -1 for a record without a key; then the key bytes
 * valueLength     then the value bytes
 * headerCount     then per header: nameLength, UTF-8 name, valueLength, value bytes
 * </pre>
 *
 * <p>Decoding trusts nothing: every length is checked against the bytes that remain before anything
 * is allocated, so corrupt input ends in a {@link CorruptBatchException}.
 */
final class RecordCodec {

    /** The smallest possible record: seven one-byte fields, no key, empty value, no headers. */
    static final int MIN_RECORD_BYTES = 7;

    private static final int NULL_KEY_LENGTH = -1;
    private static final byte NO_ATTRIBUTES = 0;

    private RecordCodec() {
    }

    /**
     * Bytes of {@code record} after its {@code length} field. A {@code long} because a record's arrays
     * together may exceed {@link Integer#MAX_VALUE}; callers bound it before writing.
     */
    static long bodySize(Record record, long timestampDelta, int offsetDelta) {
        long size = 1 + Varint.sizeOfLong(timestampDelta) + Varint.sizeOfInt(offsetDelta);
        byte[] key = record.key();
        size += key == null ? Varint.sizeOfInt(NULL_KEY_LENGTH) : sizeOfBytes(key.length);
        size += sizeOfBytes(record.value().length);
        List<Header> headers = record.headers();
        size += Varint.sizeOfInt(headers.size());
        for (Header header : headers) {
            size += sizeOfBytes(Utf8.encodedLength(header.name()));
            size += sizeOfBytes(header.value().length);
        }
        return size;
    }

    /**
     * Writes {@code record}, length field first, at {@code index} of {@code destination}, which must have
     * room for {@code Varint.sizeOfInt(bodySize) + bodySize} bytes.
     *
     * @param bodySize {@link #bodySize} of the same arguments
     * @return the index after the record
     */
    static int write(Record record, long timestampDelta, int offsetDelta, int bodySize, byte[] destination, int index) {
        index = Varint.writeInt(bodySize, destination, index);
        destination[index++] = NO_ATTRIBUTES;
        index = Varint.writeLong(timestampDelta, destination, index);
        index = Varint.writeInt(offsetDelta, destination, index);
        byte[] key = record.key();
        index = key == null ? Varint.writeInt(NULL_KEY_LENGTH, destination, index) : writeBytes(key, destination, index);
        index = writeBytes(record.value(), destination, index);
        List<Header> headers = record.headers();
        index = Varint.writeInt(headers.size(), destination, index);
        for (Header header : headers) {
            index = Varint.writeInt(Utf8.encodedLength(header.name()), destination, index);
            index = Utf8.encode(header.name(), destination, index);
            index = writeBytes(header.value(), destination, index);
        }
        return index;
    }

    /**
     * Reads the record at {@code section}'s position and moves the position past it.
     *
     * @param offsetDelta the delta the record must carry: its position in the batch
     * @throws CorruptBatchException naming the record and what is wrong with it
     */
    static Record read(ByteBuffer section, long firstTimestamp, int offsetDelta) {
        int length = Varint.readInt(section);
        if (length < 0 || length > section.remaining()) {
            throw corrupt(offsetDelta, "claims " + length + " bytes but " + section.remaining() + " remain");
        }
        ByteBuffer body = section.slice(section.position(), length);
        section.position(section.position() + length);

        requireRemaining(body, 1, offsetDelta, "attributes");
        body.get();
        long timestampDelta = Varint.readLong(body);
        int storedOffsetDelta = Varint.readInt(body);
        if (storedOffsetDelta != offsetDelta) {
            throw corrupt(offsetDelta, "carries offset delta " + storedOffsetDelta);
        }
        int keyLength = Varint.readInt(body);
        byte[] key = keyLength == NULL_KEY_LENGTH ? null : readBytes(body, keyLength, offsetDelta, "key");
        byte[] value = readBytes(body, Varint.readInt(body), offsetDelta, "value");
        List<Header> headers = readHeaders(body, offsetDelta);
        if (body.hasRemaining()) {
            throw corrupt(offsetDelta, "has " + body.remaining() + " bytes after its last header");
        }
        return new Record(key, headers, value, firstTimestamp + timestampDelta);
    }

    private static List<Header> readHeaders(ByteBuffer body, int offsetDelta) {
        int count = Varint.readInt(body);
        // Each header takes at least two bytes (its two lengths): bound the count before allocating.
        if (count < 0 || count > body.remaining() / 2) {
            throw corrupt(offsetDelta, "claims " + count + " headers in " + body.remaining() + " bytes");
        }
        if (count == 0) {
            return List.of();
        }
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int nameLength = Varint.readInt(body);
            if (nameLength == 0) {
                throw corrupt(offsetDelta, "has a header with an empty name");
            }
            String name = new String(readBytes(body, nameLength, offsetDelta, "header name"), StandardCharsets.UTF_8);
            headers.add(new Header(name, readBytes(body, Varint.readInt(body), offsetDelta, "header value")));
        }
        return headers;
    }

    private static byte[] readBytes(ByteBuffer body, int length, int offsetDelta, String field) {
        if (length < 0) {
            throw corrupt(offsetDelta, "has a negative " + field + " length " + length);
        }
        requireRemaining(body, length, offsetDelta, field);
        byte[] bytes = new byte[length];
        body.get(bytes);
        return bytes;
    }

    private static void requireRemaining(ByteBuffer body, int length, int offsetDelta, String field) {
        if (length > body.remaining()) {
            throw corrupt(offsetDelta, "needs " + length + " bytes for its " + field + " but " + body.remaining() + " remain");
        }
    }

    private static int writeBytes(byte[] bytes, byte[] destination, int index) {
        index = Varint.writeInt(bytes.length, destination, index);
        System.arraycopy(bytes, 0, destination, index, bytes.length);
        return index + bytes.length;
    }

    private static long sizeOfBytes(int length) {
        return (long) Varint.sizeOfInt(length) + length;
    }

    private static CorruptBatchException corrupt(int offsetDelta, String problem) {
        return new CorruptBatchException("record at offset delta " + offsetDelta + " " + problem);
    }
}
