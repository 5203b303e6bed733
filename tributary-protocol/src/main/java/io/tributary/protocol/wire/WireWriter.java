package io.tributary.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Encodes protocol fields, big-endian, into a growing array. Not thread-safe; one writer per frame.
 *
 * <p>Batches are not copied while encoding: {@link #writeRecords} writes their int32 size and remembers
 * the {@link RecordsSource}. At the end, {@link #toByteBuffer()} copies everything into one buffer, while
 * {@link #toFrameSegments()} returns the encoded bytes cut around the sources, so the network layer can
 * send batches from a file with {@code transferTo}. Both produce the same bytes.
 *
 * <p>A writer made by {@link #forFrame()} starts with the frame's int32 length field and fills it in
 * when the frame is taken out.
 */
public final class WireWriter {

    private static final int MAX_BUFFER_BYTES = Integer.MAX_VALUE - 16;
    private static final int INITIAL_CAPACITY = 256;

    /** A source of record bytes that sits in the frame just before {@code position} of the buffer. */
    private record Cut(int position, RecordsSource source) {
    }

    private final boolean framed;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int position;
    private final List<Cut> cuts = new ArrayList<>(0);
    private long cutBytes;

    private WireWriter(boolean framed) {
        this.framed = framed;
    }

    /** A writer for fields alone (a message body, a header), without a frame length. */
    public static WireWriter create() {
        return new WireWriter(false);
    }

    /** A writer for a whole frame: it starts with the int32 frame length, filled in at the end. */
    public static WireWriter forFrame() {
        return new WireWriter(true).writeInt(0);
    }

    public WireWriter writeByte(int value) {
        ensureCapacity(1);
        buffer[position++] = (byte) value;
        return this;
    }

    /** One byte, 1 for true, 0 for false. */
    public WireWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** @throws IllegalArgumentException if {@code value} does not fit an int16 */
    public WireWriter writeShort(int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(value + " does not fit an int16");
        }
        ensureCapacity(2);
        buffer[position++] = (byte) (value >> 8);
        buffer[position++] = (byte) value;
        return this;
    }

    public WireWriter writeInt(int value) {
        ensureCapacity(4);
        putInt(position, value);
        position += 4;
        return this;
    }

    public WireWriter writeLong(long value) {
        ensureCapacity(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >> shift);
        }
        return this;
    }

    /**
     * An int16 byte length, then the UTF-8 bytes (an unpaired surrogate becomes {@code ?}, as
     * {@link String#getBytes} writes it).
     *
     * @throws IllegalArgumentException if the UTF-8 form is longer than {@value ProtocolLimits#MAX_STRING_BYTES} bytes
     */
    public WireWriter writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > ProtocolLimits.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("a string of " + bytes.length + " UTF-8 bytes does not fit the int16 length"
                    + " of the protocol (at most " + ProtocolLimits.MAX_STRING_BYTES + "); starts with '"
                    + value.substring(0, Math.min(40, value.length())) + "'");
        }
        writeShort(bytes.length);
        return writeRaw(bytes, 0, bytes.length);
    }

    /** As {@link #writeString}, with length −1 for {@code null}. */
    public WireWriter writeNullableString(@Nullable String value) {
        return value == null ? writeShort(-1) : writeString(value);
    }

    /** An int32 length, then the bytes between the buffer's position and limit (copied; the position is not moved). */
    public WireWriter writeBytes(ByteBuffer bytes) {
        int length = bytes.remaining();
        writeInt(length);
        ensureCapacity(length);
        bytes.duplicate().get(buffer, position, length);
        position += length;
        return this;
    }

    /** An int32 size, then the source's bytes, which are not copied until the frame is taken out. */
    public WireWriter writeRecords(RecordsSource records) {
        int size = records.sizeInBytes();
        if (size < 0) {
            throw new IllegalArgumentException(records + " reports a negative size: " + size);
        }
        writeInt(size);
        if (size > 0) {
            cuts.add(new Cut(position, records));
            cutBytes += size;
        }
        return this;
    }

    /** An int32 count, then each element as {@code encoder} writes it. */
    public <T> WireWriter writeArray(List<T> elements, BiConsumer<T, WireWriter> encoder) {
        writeInt(elements.size());
        for (T element : elements) {
            encoder.accept(element, this);
        }
        return this;
    }

    /** An int32 count, then each string. */
    public WireWriter writeStringArray(List<String> strings) {
        return writeArray(strings, (string, out) -> out.writeString(string));
    }

    /** An int32 count, then each entry as two strings, key first, in the map's iteration order. */
    public WireWriter writeStringMap(Map<String, String> map) {
        writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeString(entry.getKey()).writeString(entry.getValue());
        }
        return this;
    }

    /** Bytes written so far, record sources included (and the frame length field of a frame writer). */
    public long sizeInBytes() {
        return position + cutBytes;
    }

    /**
     * Everything written, as one buffer ready to read (position 0). Shares the writer's array when no
     * records were written; call once, when done.
     *
     * @throws IllegalStateException if a {@link RecordsSource} other than {@link MemoryRecords} was
     *                               written (only the network layer can send it: use {@link #toFrameSegments()})
     */
    public ByteBuffer toByteBuffer() {
        finishFrame();
        if (cuts.isEmpty()) {
            return ByteBuffer.wrap(buffer, 0, position).slice();
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(sizeInBytes()));
        int from = 0;
        for (Cut cut : cuts) {
            if (!(cut.source() instanceof MemoryRecords memory)) {
                throw new IllegalStateException("records from " + cut.source()
                        + " are not in memory; encode this frame with toFrameSegments() and send them with the network layer");
            }
            all.put(buffer, from, cut.position() - from).put(memory.buffer());
            from = cut.position();
        }
        return all.put(buffer, from, position - from).flip();
    }

    /**
     * Everything written, as segments in wire order: encoded bytes (shared with the writer, not copied)
     * and, for each record source, either its bytes ({@link MemoryRecords}) or a
     * {@link FrameSegment.Records} placeholder. Empty segments are left out. Call once, when done.
     */
    public List<FrameSegment> toFrameSegments() {
        finishFrame();
        List<FrameSegment> segments = new ArrayList<>(2 * cuts.size() + 1);
        int from = 0;
        for (Cut cut : cuts) {
            if (cut.position() > from) {
                segments.add(new FrameSegment.Bytes(ByteBuffer.wrap(buffer, from, cut.position() - from).slice()));
            }
            segments.add(cut.source() instanceof MemoryRecords memory
                    ? new FrameSegment.Bytes(memory.buffer())
                    : new FrameSegment.Records(cut.source()));
            from = cut.position();
        }
        if (position > from) {
            segments.add(new FrameSegment.Bytes(ByteBuffer.wrap(buffer, from, position - from).slice()));
        }
        return List.copyOf(segments);
    }

    private void finishFrame() {
        if (framed) {
            long length = sizeInBytes() - Integer.BYTES;
            if (length > ProtocolLimits.MAX_FRAME_BYTES) {
                throw new IllegalStateException("a frame of " + length + " bytes is larger than any receiver accepts ("
                        + ProtocolLimits.MAX_FRAME_BYTES + ")");
            }
            putInt(0, (int) length);
        }
    }

    private WireWriter writeRaw(byte[] bytes, int offset, int length) {
        ensureCapacity(length);
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
        return this;
    }

    private void putInt(int index, int value) {
        buffer[index] = (byte) (value >> 24);
        buffer[index + 1] = (byte) (value >> 16);
        buffer[index + 2] = (byte) (value >> 8);
        buffer[index + 3] = (byte) value;
    }

    private void ensureCapacity(int extra) {
        long needed = (long) position + extra;
        if (needed > buffer.length) {
            if (needed > MAX_BUFFER_BYTES) {
                throw new IllegalStateException("cannot encode more than " + MAX_BUFFER_BYTES + " bytes in one frame");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_BUFFER_BYTES, Math.max(needed, 2L * buffer.length)));
        }
    }
}
