package io.tributary.log;

import java.nio.file.Path;

/**
 * A batch that fails its checks somewhere a crash cannot explain (not the torn tail of the last
 * segment). The log refuses to open rather than serve or silently drop acknowledged data; {@code
 * tributary log repair} truncates after the last valid batch when the operator decides so.
 */
public final class CorruptLogException extends LogException {

    private final Path file;
    private final long position;

    public CorruptLogException(Path file, long position, String problem) {
        super(file + " at byte " + position + ": " + problem
                + ". Run 'tributary log verify --dir " + file.getParent() + "' to see every problem, "
                + "'tributary log repair' to truncate after the last valid batch");
        this.file = file;
        this.position = position;
    }

    /** The segment file that holds the bad batch. */
    public Path file() {
        return file;
    }

    /** Byte position of the bad batch in {@link #file()}. */
    public long position() {
        return position;
    }
}
