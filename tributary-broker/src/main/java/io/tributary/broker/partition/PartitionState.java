package io.tributary.broker.partition;

/**
 * A partition's offsets and size at one moment.
 *
 * @param logStartOffset     first offset still stored
 * @param endOffset          offset the next appended record gets
 * @param committedEndOffset offset below which every record is committed and readable
 * @param sizeInBytes        bytes on disk
 */
public record PartitionState(long logStartOffset, long endOffset, long committedEndOffset, long sizeInBytes) {
}
