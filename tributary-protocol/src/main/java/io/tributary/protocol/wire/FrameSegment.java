package io.tributary.protocol.wire;

import java.nio.ByteBuffer;

/**
 * One piece of an encoded frame, in the order they go on the wire. {@link WireWriter#toFrameSegments()}
 * returns bytes the codec encoded, interleaved with the {@link RecordsSource}s it did not copy, so the
 * network layer can write the first with {@code write} and send the second with
 * {@code FileChannel.transferTo}:
 *
 * <pre>{@code
 * for (FrameSegment segment : codec.encodeSegments(correlationId, fetchResponse)) {
 *     switch (segment) {
 *         case FrameSegment.Bytes b -> writeFully(channel, b.buffer());
 *         case FrameSegment.Records r -> ((LogSliceRecords) r.source()).slice().transferTo(channel);
 *     }
 * }
 * }</pre>
 */
public sealed interface FrameSegment {

    /** Bytes this segment puts on the wire. */
    int sizeInBytes();

    /**
     * Bytes to write as they are: encoded fields, or the shared bytes of {@link MemoryRecords}.
     *
     * @param buffer the bytes between position and limit; the buffer is the segment's own, so writing
     *               it may move its position
     */
    record Bytes(ByteBuffer buffer) implements FrameSegment {
        /** Bytes still to write (the buffer's remaining bytes). */
        @Override
        public int sizeInBytes() {
            return buffer.remaining();
        }
    }

    /**
     * Exactly {@code source.sizeInBytes()} bytes that the network layer sends itself. Never empty: an
     * empty source yields no segment.
     */
    record Records(RecordsSource source) implements FrameSegment {
        @Override
        public int sizeInBytes() {
            return source.sizeInBytes();
        }
    }
}
