package io.tributary.log;

/**
 * What a read by offset found. Callers switch over the three cases:
 *
 * <pre>{@code
 * switch (log.read(offset, maxBytes)) {
 *     case ReadResult.Records r -> send(r.slice());
 *     case ReadResult.BelowLogStart b -> restartFrom(b.logStartOffset());
 *     case ReadResult.NoRecords n -> waitForMore(n.committedEndOffset());
 * }
 * }</pre>
 */
public sealed interface ReadResult {

    /** Whole committed batches, the first one containing the offset asked for. */
    record Records(LogSlice slice) implements ReadResult {
        /** Offset to read from next. */
        public long nextOffset() {
            return slice.nextOffset();
        }
    }

    /** The offset was deleted by retention (or never existed); the log now starts at {@code logStartOffset}. */
    record BelowLogStart(long logStartOffset) implements ReadResult {
    }

    /** Nothing committed at or after the offset (yet); {@code committedEndOffset} is the next offset to be committed. */
    record NoRecords(long committedEndOffset) implements ReadResult {
    }
}
