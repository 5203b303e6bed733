package io.tributary.protocol.wire;

/**
 * The one gate between a length a peer wrote and memory the protocol allocates for it. Every
 * {@code new byte[]}, string, list and map that {@link WireReader} creates, and every frame
 * {@link FrameDecoder} accepts, is sized by a value this method returned, so a lying length costs a
 * {@link ProtocolException} and never an allocation: the tests pin this method with lengths of 2 GiB.
 */
final class LengthCheck {

    private LengthCheck() {
    }

    /**
     * Checks a length (of bytes, or a count of entries) declared on the wire, in this order: not
     * negative, not above {@code limit}, and not more than the bytes that remain can hold when every unit
     * takes at least {@code minBytesPerUnit}.
     *
     * @param field           what the length belongs to, e.g. {@code "ProduceRequest.topics"}
     * @param length          the declared value, as read (a long, so callers can pass unsigned reads)
     * @param limit           the configured bound
     * @param limitName       the bound's name in {@link ProtocolLimits}, for the message
     * @param remainingBytes  bytes left to read after the length field; {@link Long#MAX_VALUE} when unknown
     * @param minBytesPerUnit fewest bytes one unit can take on the wire (1 for byte lengths)
     * @return {@code length}, now safe to allocate
     * @throws ProtocolException naming the field, the value and the bound it broke
     */
    static int claim(String field, long length, int limit, String limitName, long remainingBytes, int minBytesPerUnit) {
        if (length < 0) {
            throw new ProtocolException(field + ": length " + length + " is negative");
        }
        if (length > limit) {
            throw new ProtocolException(field + ": length " + length + " exceeds " + limitName + " = " + limit);
        }
        long needed = length * minBytesPerUnit; // both bounded by int: no overflow
        if (needed > remainingBytes) {
            throw new ProtocolException(field + ": length " + length
                    + (minBytesPerUnit == 1 ? "" : " (at least " + minBytesPerUnit + " bytes each)")
                    + " needs " + needed + " bytes but only " + remainingBytes + " remain in the frame");
        }
        return (int) length;
    }

    /** {@link #claim(String, long, int, String, long, int)} for a length of bytes. */
    static int claim(String field, long length, int limit, String limitName, long remainingBytes) {
        return claim(field, length, limit, limitName, remainingBytes, 1);
    }
}
