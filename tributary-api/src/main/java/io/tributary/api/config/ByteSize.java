package io.tributary.api.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written with binary units: {@code 512}, {@code 64KiB}, {@code 1 GiB}
 * ({@code KB}/{@code MB}/{@code GB} are read as the binary units too, as Kafka and Java users mean them).
 *
 * @param bytes non-negative byte count
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    public static ByteSize ofKibibytes(long kibibytes) {
        return new ByteSize(Math.multiplyExact(kibibytes, 1L << 10));
    }

    public static ByteSize ofMebibytes(long mebibytes) {
        return new ByteSize(Math.multiplyExact(mebibytes, 1L << 20));
    }

    public static ByteSize ofGibibytes(long gibibytes) {
        return new ByteSize(Math.multiplyExact(gibibytes, 1L << 30));
    }

    /**
     * Parses {@code 4096}, {@code 64KiB}, {@code 8 MiB}, {@code 1GB}.
     *
     * @throws IllegalArgumentException naming the text and the accepted syntax
     */
    public static ByteSize parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a byte size; write a whole number with an optional unit, e.g. 4096, 64KiB, 1GiB");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large a byte size");
        }
        return new ByteSize(number << shift);
    }

    /** The size as an {@code int}, for buffer sizes. */
    public int toIntExact() {
        return Math.toIntExact(bytes);
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The largest exact binary unit: {@code 1GiB}, {@code 1536KiB}, {@code 100B}. */
    @Override
    public String toString() {
        int unit = 0;
        long value = bytes;
        while (unit < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + UNITS[unit];
    }
}
