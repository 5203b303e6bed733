package io.tributary.format;

/**
 * Writes header names as UTF-8 straight into the batch being built, without the intermediate
 * {@code byte[]} that {@link String#getBytes} allocates for every header of every record.
 *
 * <p>The bytes are exactly those of {@code text.getBytes(StandardCharsets.UTF_8)}, including its treatment
 * of an unpaired surrogate, which becomes {@code '?'} (the tests hold this against the JDK).
 */
final class Utf8 {

    private static final byte REPLACEMENT = '?';

    private Utf8() {
    }

    /** Bytes {@link #encode} writes for {@code text}. */
    static int encodedLength(String text) {
        int length = text.length();
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (startsSurrogatePair(text, i)) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Writes {@code text} at {@code index} of {@code destination}, which must have
     * {@link #encodedLength(String)} bytes of room.
     *
     * @return the index after the last byte written
     */
    static int encode(String text, byte[] destination, int index) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                destination[index++] = (byte) c;
            } else if (c < 0x800) {
                destination[index++] = (byte) (0xC0 | (c >> 6));
                destination[index++] = (byte) (0x80 | (c & 0x3F));
            } else if (startsSurrogatePair(text, i)) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                destination[index++] = (byte) (0xF0 | (codePoint >> 18));
                destination[index++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                destination[index++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                destination[index++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                destination[index++] = REPLACEMENT;
            } else {
                destination[index++] = (byte) (0xE0 | (c >> 12));
                destination[index++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                destination[index++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return index;
    }

    private static boolean startsSurrogatePair(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index))
                && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1));
    }
}
