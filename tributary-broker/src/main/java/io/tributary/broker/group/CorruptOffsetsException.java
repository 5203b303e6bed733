package io.tributary.broker.group;

import io.tributary.api.TributaryException;
import io.tributary.broker.topic.InternalTopics;

/**
 * A record of {@code __consumer_offsets} that does not parse as a committed offset. The broker refuses to
 * open rather than start with offsets it cannot trust (as the log refuses a corrupt batch); the message
 * names the offset, what is wrong and the ways out.
 */
public final class CorruptOffsetsException extends TributaryException {

    private final long offset;

    public CorruptOffsetsException(long offset, String problem) {
        super(InternalTopics.CONSUMER_OFFSETS + "-0 at offset " + offset + ": " + problem + "; the committed offsets of"
                + " consumer groups cannot be read past it. Restore topics/" + InternalTopics.CONSUMER_OFFSETS
                + " in the data directory from a backup, or move it aside to start without committed offsets"
                + " (every group then starts where its consumers' reset policy says)");
        this.offset = offset;
    }

    /** Offset of the record in {@code __consumer_offsets}. */
    public long offset() {
        return offset;
    }
}
