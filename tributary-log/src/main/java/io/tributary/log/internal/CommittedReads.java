package io.tributary.log.internal;

import io.tributary.log.ReadResult;
import java.io.IOException;
import java.util.List;

/**
 * The read path: finds the segment holding an offset and cuts a slice that ends at the commit point.
 * Stateless and lock-free; callers pass the segment list and commit point they read from volatiles.
 */
final class CommittedReads {

    private CommittedReads() {
    }

    /**
     * Committed batches from the one containing {@code offset}.
     *
     * @throws java.nio.channels.ClosedChannelException if retention deleted the segment meanwhile
     */
    static ReadResult read(List<Segment> segments, CommitPoint committed, long offset, int maxBytes) throws IOException {
        long start = segments.getFirst().baseOffset();
        if (offset < start) {
            return new ReadResult.BelowLogStart(start);
        }
        if (offset >= committed.nextOffset()) {
            return new ReadResult.NoRecords(committed.nextOffset());
        }
        Segment segment = floorSegment(segments, offset);
        // Segments before the commit point's are closed and whole; in its own, only bytes below its position count.
        boolean tail = segment == committed.segment();
        long visibleEnd = tail ? committed.position() : segment.size();
        long visibleNext = tail ? committed.nextOffset() : segment.nextOffset();
        FileSlice slice = segment.read(offset, maxBytes, visibleEnd, visibleNext);
        return slice == null ? new ReadResult.NoRecords(committed.nextOffset()) : new ReadResult.Records(slice);
    }

    /** The last segment whose base offset is at most {@code offset}. */
    static Segment floorSegment(List<Segment> segments, long offset) {
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (segments.get(mid).baseOffset() <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return segments.get(low);
    }
}
