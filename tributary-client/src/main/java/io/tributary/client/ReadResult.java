package io.tributary.client;

import io.tributary.api.Record;
import java.util.List;

/**
 * Records read from one partition. Offsets are dense: record {@code i} of {@link #records()} has offset
 * {@link #offsetOf(int) firstOffset + i}.
 *
 * @param records            the records, in offset order; empty when none was committed at the offset
 *                           within the wait
 * @param firstOffset        offset of the first record; the requested offset when there are none
 * @param nextOffset         where to read next: after the last record returned, or the requested offset
 * @param committedEndOffset the partition's high watermark when the node answered
 */
public record ReadResult(List<Record> records, long firstOffset, long nextOffset, long committedEndOffset) {

    public ReadResult {
        records = List.copyOf(records);
        if (nextOffset != firstOffset + records.size()) {
            throw new IllegalArgumentException("next offset " + nextOffset + " must follow the " + records.size()
                    + " records from " + firstOffset);
        }
    }

    /** Offset of record {@code index}. */
    public long offsetOf(int index) {
        if (index < 0 || index >= records.size()) {
            throw new IndexOutOfBoundsException("record " + index + " of " + records.size());
        }
        return firstOffset + index;
    }

    /** Whether no record was returned. */
    public boolean isEmpty() {
        return records.isEmpty();
    }
}
