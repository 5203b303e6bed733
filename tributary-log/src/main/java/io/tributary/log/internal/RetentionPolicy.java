package io.tributary.log.internal;

import io.tributary.log.LogConfig;
import java.util.List;

/**
 * Which closed segments retention deletes: a prefix of the oldest ones, never {@code firstKept} or
 * anything after it. A segment goes when its newest record is older than {@code retention-age}, or
 * when the log without it would still hold at least {@code retention-bytes}; or, asked by offset
 * ({@link #segmentsBefore}), when every record in it is below that offset. Pure functions.
 */
final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /**
     * How many segments, from the oldest, to delete.
     *
     * @param segments  all segments, oldest first
     * @param firstKept the oldest segment that must stay (the one the commit point is in, or the active one)
     */
    static int segmentsToDelete(List<Segment> segments, Segment firstKept, LogConfig config, long nowMillis) {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.size();
        }
        long maxAgeMillis = config.retentionAge().toMillis();
        long minBytes = config.retentionBytes().bytes();
        int doomed = 0;
        for (Segment segment : segments) {
            if (segment == firstKept) {
                break;
            }
            boolean expired = maxAgeMillis > 0 && segment.largestTimestamp() < nowMillis - maxAgeMillis;
            boolean oversize = minBytes > 0 && total - segment.size() >= minBytes;
            if (!expired && !oversize) {
                break;
            }
            total -= segment.size();
            doomed++;
        }
        return doomed;
    }

    /**
     * How many segments, from the oldest, hold only records below {@code offset}.
     *
     * @param segments  all segments, oldest first
     * @param firstKept the oldest segment that must stay (the one the commit point is in, or the active one)
     */
    static int segmentsBefore(List<Segment> segments, Segment firstKept, long offset) {
        int doomed = 0;
        for (int i = 0; i < segments.size() - 1; i++) {
            Segment segment = segments.get(i);
            // A closed segment's records end where the next segment starts.
            if (segment == firstKept || segments.get(i + 1).baseOffset() > offset) {
                break;
            }
            doomed++;
        }
        return doomed;
    }
}
