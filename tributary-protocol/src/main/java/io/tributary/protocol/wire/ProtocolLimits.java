package io.tributary.protocol.wire;

/**
 * The bounds a peer's bytes are checked against before anything is allocated for them. Immutable; one
 * instance is shared by every connection of a broker or client.
 *
 * <p>These are the protocol's own limits, which stop a broken or hostile peer from making the receiver
 * allocate memory. The broker and the client expose them as settings of their own
 * ({@code tributary.broker.*}, {@code tributary.client.*}) and build this record from them; the
 * semantic limits (largest batch, largest record) are the log's and the broker's.
 *
 * @param maxFrameBytes  largest frame body, in bytes (the int32 frame length; the 4 bytes of the length
 *                       itself are not counted). At least {@value #MIN_FRAME_BYTES}.
 * @param maxStringBytes largest string, in UTF-8 bytes; 1 to {@value #MAX_STRING_BYTES} (an int16 length)
 * @param maxArrayLength most entries in any one array or map (topics, partitions, nodes, configs); at least 1
 */
public record ProtocolLimits(int maxFrameBytes, int maxStringBytes, int maxArrayLength) {

    /**
     * Default largest frame body: 8 MiB (the log's default {@code tributary.log.max-batch-bytes}, so one
     * batch of the largest size fits) plus 64 KiB for headers, names and offsets.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = (8 << 20) + (64 << 10);
    /** Largest string an int16 length can describe: 32 KiB − 1 bytes. Also the default. */
    public static final int MAX_STRING_BYTES = Short.MAX_VALUE;
    /** Default most entries in any one array or map. */
    public static final int DEFAULT_MAX_ARRAY_LENGTH = 100_000;
    /** Smallest {@code maxFrameBytes} accepted: room for a request header with a short client id. */
    public static final int MIN_FRAME_BYTES = 64;
    /** Largest {@code maxFrameBytes} accepted: a frame plus its length field must fit one Java array. */
    public static final int MAX_FRAME_BYTES = Integer.MAX_VALUE - 16;

    /** The defaults: 8 MiB + 64 KiB frames, 32 KiB − 1 strings, 100 000 entries per array. */
    public static final ProtocolLimits DEFAULT =
            new ProtocolLimits(DEFAULT_MAX_FRAME_BYTES, MAX_STRING_BYTES, DEFAULT_MAX_ARRAY_LENGTH);

    public ProtocolLimits {
        if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes = " + maxFrameBytes + " is outside " + MIN_FRAME_BYTES
                    + " … " + MAX_FRAME_BYTES);
        }
        if (maxStringBytes < 1 || maxStringBytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("maxStringBytes = " + maxStringBytes + " is outside 1 … " + MAX_STRING_BYTES
                    + " (an int16 length)");
        }
        if (maxArrayLength < 1) {
            throw new IllegalArgumentException("maxArrayLength = " + maxArrayLength + " must be at least 1");
        }
    }

    /** These limits with another {@code maxFrameBytes}. */
    public ProtocolLimits withMaxFrameBytes(int maxFrameBytes) {
        return new ProtocolLimits(maxFrameBytes, maxStringBytes, maxArrayLength);
    }

    /** These limits with another {@code maxStringBytes}. */
    public ProtocolLimits withMaxStringBytes(int maxStringBytes) {
        return new ProtocolLimits(maxFrameBytes, maxStringBytes, maxArrayLength);
    }

    /** These limits with another {@code maxArrayLength}. */
    public ProtocolLimits withMaxArrayLength(int maxArrayLength) {
        return new ProtocolLimits(maxFrameBytes, maxStringBytes, maxArrayLength);
    }

    /**
     * Checks a frame length read from the wire, before any byte of the frame is buffered.
     *
     * @return {@code length}
     * @throws ProtocolException if the length is negative or above {@link #maxFrameBytes()}
     */
    public int checkFrameLength(int length) {
        return LengthCheck.claim("frame length", length, maxFrameBytes, "maxFrameBytes", Long.MAX_VALUE);
    }

    /**
     * Checks the size of a frame about to be sent (length field excluded), so an oversized request fails
     * at the sender with a clear message instead of a closed connection.
     *
     * @throws ProtocolException if {@code frameBytes} is above {@link #maxFrameBytes()}
     */
    public void checkOutgoingFrame(String what, long frameBytes) {
        if (frameBytes > maxFrameBytes) {
            throw new ProtocolException(what + " of " + frameBytes + " bytes exceeds maxFrameBytes = " + maxFrameBytes
                    + "; send less per request (smaller or fewer batches) or raise the limit on both sides");
        }
    }
}
