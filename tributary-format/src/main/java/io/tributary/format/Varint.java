package io.tributary.format;

import java.nio.ByteBuffer;

/**
 * Zigzag variable-length integers: how the records section stores every length, delta and count.
 *
 * <p>A value is first zigzag-mapped ({@code 0, -1, 1, -2, 2, ...} become {@code 0, 1, 2, 3, 4, ...}) so
 * that small negative numbers stay short, then written seven bits at a time, least significant group
 * first, with the high bit of a byte set when another byte follows (the protobuf {@code sint32}/
 * {@code sint64} encoding, also used by Kafka). An {@code int} takes 1 to {@value #MAX_INT_BYTES} bytes,
 * a {@code long} 1 to {@value #MAX_LONG_BYTES}.
 *
 * <p>Writers fill a {@code byte[]} the caller has sized with {@link #sizeOfInt}/{@link #sizeOfLong}; readers
 * consume from a {@link ByteBuffer} and throw {@link CorruptBatchException}, never a buffer exception,
 * when the bytes end early or a value runs longer than its type allows.
 */
final class Varint {

    /** Longest encoding of an {@code int}. */
    static final int MAX_INT_BYTES = 5;
    /** Longest encoding of a {@code long}. */
    static final int MAX_LONG_BYTES = 10;

    private Varint() {
    }

    /** Bytes {@link #writeInt} uses for {@code value}. */
    static int sizeOfInt(int value) {
        int bits = Integer.SIZE - Integer.numberOfLeadingZeros(zigzag(value) | 1);
        return (bits + 6) / 7;
    }

    /** Bytes {@link #writeLong} uses for {@code value}. */
    static int sizeOfLong(long value) {
        int bits = Long.SIZE - Long.numberOfLeadingZeros(zigzag(value) | 1);
        return (bits + 6) / 7;
    }

    /**
     * Writes {@code value} at {@code index} of {@code destination}, which must have room.
     *
     * @return the index after the last byte written
     */
    static int writeInt(int value, byte[] destination, int index) {
        int remaining = zigzag(value);
        while ((remaining & ~0x7F) != 0) {
            destination[index++] = (byte) ((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        destination[index++] = (byte) remaining;
        return index;
    }

    /**
     * Writes {@code value} at {@code index} of {@code destination}, which must have room.
     *
     * @return the index after the last byte written
     */
    static int writeLong(long value, byte[] destination, int index) {
        long remaining = zigzag(value);
        while ((remaining & ~0x7FL) != 0) {
            destination[index++] = (byte) ((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        destination[index++] = (byte) remaining;
        return index;
    }

    /**
     * Reads an {@code int} at {@code source}'s position and moves the position past it.
     *
     * @throws CorruptBatchException if the bytes end first or the encoding is longer than {@value #MAX_INT_BYTES} bytes
     */
    static int readInt(ByteBuffer source) {
        int raw = 0;
        for (int shift = 0; shift < MAX_INT_BYTES * 7; shift += 7) {
            byte next = nextByte(source);
            raw |= (next & 0x7F) << shift;
            if (next >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new CorruptBatchException("varint longer than " + MAX_INT_BYTES + " bytes");
    }

    /**
     * Reads a {@code long} at {@code source}'s position and moves the position past it.
     *
     * @throws CorruptBatchException if the bytes end first or the encoding is longer than {@value #MAX_LONG_BYTES} bytes
     */
    static long readLong(ByteBuffer source) {
        long raw = 0;
        for (int shift = 0; shift < MAX_LONG_BYTES * 7; shift += 7) {
            byte next = nextByte(source);
            raw |= (long) (next & 0x7F) << shift;
            if (next >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new CorruptBatchException("varlong longer than " + MAX_LONG_BYTES + " bytes");
    }

    private static byte nextByte(ByteBuffer source) {
        if (!source.hasRemaining()) {
            throw new CorruptBatchException("a varint runs past the end of its record");
        }
        return source.get();
    }

    private static int zigzag(int value) {
        return (value << 1) ^ (value >> 31);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}
