package io.tributary.cli.log;

/** How the log tools print offsets. */
final class LogFormatting {

    private LogFormatting() {
    }

    /** {@code 0..41}, or {@code none (next 42)} for an empty range. */
    static String range(long start, long next) {
        return next > start ? start + ".." + (next - 1) : "none (next " + next + ")";
    }
}
