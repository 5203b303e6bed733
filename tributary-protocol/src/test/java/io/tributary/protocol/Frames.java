package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Test-side handling of whole frames: cutting them open, gluing segments, writing hostile ones by hand. */
final class Frames {

    private Frames() {
    }

    /** The body of the one frame in {@code frame}, cut by {@link FrameDecoder}, which must find nothing after it. */
    static ByteBuffer body(ByteBuffer frame) {
        ByteBuffer stream = frame.duplicate();
        FrameDecoder.Result result = new FrameDecoder(ProtocolLimits.DEFAULT).next(stream);
        assertThat(result).isInstanceOf(FrameDecoder.Result.Frame.class);
        assertThat(stream.hasRemaining()).as("bytes after the frame").isFalse();
        return ((FrameDecoder.Result.Frame) result).body();
    }

    /**
     * The bytes the network layer puts on the wire for {@code segments}: {@link FrameSegment.Bytes} as
     * they are, and each {@link FrameSegment.Records} as {@code send} produces its bytes.
     */
    static ByteBuffer concatenate(List<FrameSegment> segments, Function<FrameSegment.Records, ByteBuffer> send) {
        int size = segments.stream().mapToInt(FrameSegment::sizeInBytes).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        for (FrameSegment segment : segments) {
            switch (segment) {
                case FrameSegment.Bytes bytes -> all.put(bytes.buffer().duplicate());
                case FrameSegment.Records records -> all.put(send.apply(records));
            }
        }
        return all.flip();
    }

    /** Segments that hold only bytes, glued together. */
    static ByteBuffer concatenate(List<FrameSegment> segments) {
        return concatenate(segments, records -> {
            throw new AssertionError("unexpected records segment " + records);
        });
    }

    /**
     * A request frame body written by hand: a valid header for {@code api} at its current version, then
     * whatever {@code body} writes, correct or not.
     */
    static ByteBuffer requestBody(ApiKey api, int correlationId, Consumer<WireWriter> body) {
        WireWriter out = WireWriter.create();
        RequestHeader.of(api, correlationId, "hostile").encode(out);
        body.accept(out);
        return out.toByteBuffer();
    }

    /** A whole frame (int32 length, then {@code body}). */
    static ByteBuffer frame(ByteBuffer body) {
        ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES + body.remaining());
        return frame.putInt(body.remaining()).put(body.duplicate()).flip();
    }

    /** A writable copy of the bytes between position and limit. */
    static ByteBuffer copy(ByteBuffer bytes) {
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
        return copy.put(bytes.duplicate()).flip();
    }

    static byte[] toArray(ByteBuffer bytes) {
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        return array;
    }

    /** Bytes as spaced lowercase hex ("00 0a ff"), as docs/protocol.md prints them. */
    static String hex(ByteBuffer bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(toArray(bytes));
    }
}
