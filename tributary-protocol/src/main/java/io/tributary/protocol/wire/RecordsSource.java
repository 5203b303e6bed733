package io.tributary.protocol.wire;

/**
 * Whole batches that a frame carries as an int32 size followed by the batches' bytes, exactly as
 * {@code tributary-format} encoded them. The codec writes the size; the bytes either come from memory
 * ({@link MemoryRecords}) or are sent by the network layer itself: the broker fulfils a fetch with a
 * source backed by a log slice and sends it with {@code FileChannel.transferTo} (zero copy) when
 * {@link WireWriter#toFrameSegments()} hands it a {@link FrameSegment.Records} segment.
 *
 * <p>Implementations must report the same size until the frame is written: the frame's length field
 * and the size before the bytes are computed from it.
 */
public interface RecordsSource {

    /** Number of bytes the source contributes to the frame; never negative. */
    int sizeInBytes();
}
