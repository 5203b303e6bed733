package io.tributary.log;

/**
 * The offsets a committed batch occupies.
 *
 * @param baseOffset offset of the batch's first record
 * @param lastOffset offset of its last record
 * @param duplicate  true when the batch was a retry of one already in the log (same producer id, epoch
 *                   and sequences): nothing was written and the original offsets are returned
 */
public record AppendResult(long baseOffset, long lastOffset, boolean duplicate) {

    /** Offset the next record after this batch has. */
    public long nextOffset() {
        return lastOffset + 1;
    }

    /** Records in the batch. */
    public int recordCount() {
        return (int) (lastOffset - baseOffset + 1);
    }
}
