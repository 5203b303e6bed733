package io.tributary.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Cuts frames out of the bytes a connection has accumulated. Stateless and thread-safe: one decoder
 * serves every connection; each connection keeps its own buffer.
 *
 * <p>A frame is an int32 length (bytes that follow it) and that many bytes. The length is checked
 * against {@link ProtocolLimits#maxFrameBytes()} as soon as its 4 bytes have arrived, before the caller
 * buffers any of the frame, so a peer can never make a connection hold more than
 * {@code 4 + maxFrameBytes} bytes. Requests may be pipelined: call {@link #next} until it answers
 * {@link Result.Incomplete}.
 *
 * <pre>{@code
 * buffer.flip();
 * while (frameDecoder.next(buffer) instanceof FrameDecoder.Result.Frame frame) {
 *     handle(frame.body());          // a slice of buffer: use or copy it before compacting
 * }
 * buffer.compact();
 * }</pre>
 */
public final class FrameDecoder {

    /** Bytes of the length field before every frame. */
    public static final int LENGTH_FIELD_BYTES = Integer.BYTES;

    private final ProtocolLimits limits;

    public FrameDecoder(ProtocolLimits limits) {
        this.limits = limits;
    }

    /** What {@link #next} found at the buffer's position. */
    public sealed interface Result {

        /**
         * A whole frame. {@code body} is the frame without its length field, a slice that shares the
         * caller's buffer; the buffer's position now stands after the frame.
         */
        record Frame(ByteBuffer body) implements Result {
        }

        /**
         * Not a whole frame yet; the buffer's position did not move. At least {@code missingBytes} more
         * bytes must arrive, and the buffer must be able to hold {@code frameBytes} (length field included,
         * or 4 while the length itself is incomplete), which the limits already bound.
         */
        record Incomplete(int missingBytes, int frameBytes) implements Result {
        }
    }

    /**
     * Takes the next whole frame from the bytes between {@code accumulated}'s position and limit.
     *
     * @throws ProtocolException if the frame length is negative or above {@link ProtocolLimits#maxFrameBytes()};
     *                           the stream cannot be resynchronised, so the caller closes the connection
     */
    public Result next(ByteBuffer accumulated) {
        int start = accumulated.position();
        int available = accumulated.remaining();
        if (available < LENGTH_FIELD_BYTES) {
            return new Result.Incomplete(LENGTH_FIELD_BYTES - available, LENGTH_FIELD_BYTES);
        }
        int length = limits.checkFrameLength(bigEndianInt(accumulated, start));
        int frameBytes = LENGTH_FIELD_BYTES + length;
        if (available < frameBytes) {
            return new Result.Incomplete(frameBytes - available, frameBytes);
        }
        ByteBuffer body = accumulated.slice(start + LENGTH_FIELD_BYTES, length);
        accumulated.position(start + frameBytes);
        return new Result.Frame(body);
    }

    /** The int32 at {@code index}, big-endian whatever the order the caller set on its buffer. */
    private static int bigEndianInt(ByteBuffer buffer, int index) {
        int value = buffer.getInt(index);
        return buffer.order() == ByteOrder.BIG_ENDIAN ? value : Integer.reverseBytes(value);
    }
}
