package io.tributary.log.internal;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files in a partition directory. A segment with base offset 42 is the data file
 * {@code 00000000000000000042.log} and the index {@code 00000000000000000042.index}; zero-padding
 * makes the lexical order the offset order.
 */
final class SegmentFiles {

    static final String DATA_SUFFIX = ".log";
    static final String INDEX_SUFFIX = ".index";
    private static final Pattern NAME = Pattern.compile("(\\d{20})(\\.log|\\.index)(\\.tmp)?");

    private SegmentFiles() {
    }

    static Path dataFile(Path directory, long baseOffset) {
        return directory.resolve(String.format("%020d", baseOffset) + DATA_SUFFIX);
    }

    static Path indexFile(Path directory, long baseOffset) {
        return directory.resolve(String.format("%020d", baseOffset) + INDEX_SUFFIX);
    }

    /** The base offset of a segment data file, or empty if {@code file} is not one. */
    static OptionalLong baseOffsetOfDataFile(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (matcher.matches() && matcher.group(2).equals(DATA_SUFFIX) && matcher.group(3) == null) {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        }
        return OptionalLong.empty();
    }

    /** Whether {@code file} is one the log writes (data, index, or a temporary index). */
    static boolean isLogFile(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }
}
