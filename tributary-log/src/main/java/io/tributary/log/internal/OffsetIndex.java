package io.tributary.log.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sparse offset index of one segment: an entry (offset relative to the segment base, byte
 * position) for the first batch after every {@code tributary.log.index-interval-bytes} of data. Held in
 * memory; written whole to the segment's {@code .index} file when the segment closes, and rebuilt from
 * the data file when that file is missing or stale.
 *
 * <p>Entries are batch boundaries in increasing order, so a lookup gives a position to start walking
 * batch headers from, and a read can end at an entry without parsing the batches in between.
 *
 * <p>Not thread-safe for writers; the log appends under its append lock. Readers may call
 * {@link #floorPosition} and {@link #entryAtOrBefore} concurrently: they read a consistent prefix.
 */
final class OffsetIndex {

    static final int ENTRY_SIZE = 8;

    private volatile int[] relativeOffsets;
    private volatile int[] positions;
    private volatile int count;

    OffsetIndex() {
        this.relativeOffsets = new int[64];
        this.positions = new int[64];
    }

    int count() {
        return count;
    }

    /** Adds an entry; offsets and positions must increase. */
    void add(int relativeOffset, int position) {
        int n = count;
        if (n == relativeOffsets.length) {
            // Publish grown arrays before the count that makes the new slot visible.
            relativeOffsets = Arrays.copyOf(relativeOffsets, n * 2);
            positions = Arrays.copyOf(positions, n * 2);
        }
        relativeOffsets[n] = relativeOffset;
        positions[n] = position;
        count = n + 1;
    }

    /** Position of the last entry whose offset is at most {@code relativeOffset}; 0 when none is. */
    int floorPosition(int relativeOffset) {
        int n = count;
        int entry = lastAtMost(relativeOffsets, n, relativeOffset);
        return entry < 0 ? 0 : positions[entry];
    }

    /** Index of the last entry whose position is in ({@code after}, {@code limit}]; -1 when none is. */
    int entryAtOrBefore(long after, long limit) {
        int n = count;
        int entry = lastAtMost(positions, n, limit);
        return entry >= 0 && positions[entry] > after ? entry : -1;
    }

    /** Index of the last of the first {@code n} (ascending) values that is at most {@code limit}; -1 when none is. */
    private static int lastAtMost(int[] values, int n, long limit) {
        int low = 0;
        int high = n - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= limit) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    int position(int entry) {
        return positions[entry];
    }

    int relativeOffset(int entry) {
        return relativeOffsets[entry];
    }

    /** The entries as the {@code .index} file stores them: big-endian (relative offset, position) pairs. */
    ByteBuffer toBytes() {
        int n = count;
        ByteBuffer bytes = ByteBuffer.allocate(n * ENTRY_SIZE);
        for (int i = 0; i < n; i++) {
            bytes.putInt(relativeOffsets[i]).putInt(positions[i]);
        }
        return bytes.flip();
    }
}
