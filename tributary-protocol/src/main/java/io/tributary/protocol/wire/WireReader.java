package io.tributary.protocol.wire;

import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads protocol fields, big-endian, from the bytes of one frame, checking every read against the bytes
 * that remain and every declared length against {@link ProtocolLimits} (through one method,
 * {@link LengthCheck#claim}) before allocating for it. Any violation is a {@link ProtocolException}
 * naming the field; no other exception escapes, whatever the bytes. Not thread-safe.
 *
 * <p>Byte fields ({@link #readBytes}, {@link #readRecords}) are slices of the frame, not copies: they
 * share its bytes and stay valid as long as the caller does not reuse the frame's buffer.
 *
 * <p>Every read takes the name of the field, used only in error messages, e.g.
 * {@code "ProduceRequest.topics"}.
 */
public final class WireReader {

    private final ByteBuffer buffer;
    private final ProtocolLimits limits;
    private @Nullable CharsetDecoder utf8;

    /** Reads the bytes between {@code bytes}' position and limit; {@code bytes} itself is not moved. */
    public WireReader(ByteBuffer bytes, ProtocolLimits limits) {
        this.buffer = bytes.slice(); // big-endian whatever the caller's order
        this.limits = limits;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return buffer.remaining();
    }

    public byte readByte(String field) {
        require(field, 1);
        return buffer.get();
    }

    /** One byte that must be 0 (false) or 1 (true). */
    public boolean readBoolean(String field) {
        byte value = readByte(field);
        if (value != 0 && value != 1) {
            throw new ProtocolException(field + ": boolean byte " + value + " is neither 0 nor 1");
        }
        return value == 1;
    }

    public short readShort(String field) {
        require(field, 2);
        return buffer.getShort();
    }

    public int readInt(String field) {
        require(field, 4);
        return buffer.getInt();
    }

    public long readLong(String field) {
        require(field, 8);
        return buffer.getLong();
    }

    /** A string that must be present (length ≥ 0); at most {@link ProtocolLimits#maxStringBytes()} bytes of UTF-8. */
    public String readString(String field) {
        String value = readNullableString(field);
        if (value == null) {
            throw new ProtocolException(field + ": length -1 (null) where a string is required");
        }
        return value;
    }

    /** A string, or {@code null} for length −1. Malformed UTF-8 is refused, not replaced. */
    public @Nullable String readNullableString(String field) {
        short declared = readShort(field);
        if (declared == -1) {
            return null;
        }
        int length = LengthCheck.claim(field, declared, limits.maxStringBytes(), "maxStringBytes", remaining());
        if (length == 0) {
            return "";
        }
        ByteBuffer bytes = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        try {
            return decoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(field + ": " + length + " bytes are not well-formed UTF-8", e);
        }
    }

    /**
     * An int32 length and that many bytes, as a slice of the frame (no copy; writable when the frame is,
     * so the log can write a batch's base offset in place). The length is checked against the bytes that
     * remain and {@link ProtocolLimits#maxFrameBytes()}.
     */
    public ByteBuffer readBytes(String field) {
        int length = LengthCheck.claim(field, readInt(field), limits.maxFrameBytes(), "maxFrameBytes", remaining());
        ByteBuffer bytes = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return bytes;
    }

    /**
     * An int32 size and that many bytes of whole, concatenated batches, shared with the frame. Every
     * batch header is checked (not the checksums: the log and the consumer check those).
     *
     * @throws ProtocolException if the bytes are not whole batches, with the batch problem as the cause
     */
    public MemoryRecords readRecords(String field) {
        MemoryRecords records = new MemoryRecords(readBytes(field));
        try {
            RecordBatch.splitAll(records.buffer());
        } catch (CorruptBatchException e) {
            throw new ProtocolException(field + ": " + records.sizeInBytes() + " bytes are not whole batches: "
                    + e.getMessage(), e);
        }
        return records;
    }

    /**
     * An int32 count, then that many elements read by {@code element}.
     *
     * @param minElementBytes the fewest bytes one element can take on the wire; a count that the
     *                        remaining bytes cannot hold is refused before the list is allocated
     * @return an unmodifiable list
     */
    public <T> List<T> readArray(String field, int minElementBytes, Function<WireReader, T> element) {
        int count = LengthCheck.claim(field, readInt(field), limits.maxArrayLength(), "maxArrayLength", remaining(),
                minElementBytes);
        List<T> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(element.apply(this));
        }
        return Collections.unmodifiableList(elements);
    }

    /** An int32 count, then that many strings (none null). */
    public List<String> readStringArray(String field) {
        return readArray(field, 2, in -> in.readString(field));
    }

    /**
     * An int32 count, then that many key and value strings. Keys must be unique.
     *
     * @return an unmodifiable map in wire order
     */
    public Map<String, String> readStringMap(String field) {
        int count = LengthCheck.claim(field, readInt(field), limits.maxArrayLength(), "maxArrayLength", remaining(), 4);
        Map<String, String> map = LinkedHashMap.newLinkedHashMap(count);
        for (int i = 0; i < count; i++) {
            String key = readString(field + " key");
            String value = readString(field + " value");
            if (map.putIfAbsent(key, value) != null) {
                throw new ProtocolException(field + ": key '" + key + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Checks that every byte was read: a message followed by bytes nobody understands is refused rather
     * than half-understood.
     */
    public void requireEnd(String what) {
        if (buffer.hasRemaining()) {
            throw new ProtocolException(what + ": " + buffer.remaining() + " bytes left over after the last field");
        }
    }

    private void require(String field, int bytes) {
        if (buffer.remaining() < bytes) {
            throw new ProtocolException(field + ": needs " + bytes + " bytes but only " + buffer.remaining()
                    + " remain (the frame ends early)");
        }
    }

    private CharsetDecoder decoder() {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        return utf8.reset();
    }
}
