package io.tributary.client.internal;

import io.tributary.api.Record;
import io.tributary.client.ReadResult;
import io.tributary.format.RecordBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the whole batches a fetch returns into exactly the records asked for. A fetch answers with
 * whole batches, so the first may start before the requested offset and the last may run past the
 * record limit: records below {@code offset} are skipped, at most {@code maxRecords} are kept, and the
 * next offset follows the last record kept. Each batch's checksum is verified before its records are
 * decoded.
 */
public final class FetchedRecords {

    private FetchedRecords() {
    }

    /**
     * @param batches            the batches in offset order, as the node returned them
     * @param offset             the offset asked for
     * @param maxRecords         most records to return, at least 1
     * @param committedEndOffset the partition's high watermark, passed through
     * @throws io.tributary.format.CorruptBatchException if a batch fails its checksum
     */
    public static ReadResult trim(List<RecordBatch> batches, long offset, int maxRecords, long committedEndOffset) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
        }
        List<Record> kept = new ArrayList<>(Math.min(maxRecords, 1024));
        long first = -1;
        long next = offset;
        for (RecordBatch batch : batches) {
            if (kept.size() >= maxRecords) {
                break;
            }
            if (batch.lastOffset() < next) {
                continue; // wholly below the offset asked for
            }
            if (!kept.isEmpty() && batch.baseOffset() != next) {
                break; // offsets are dense; a gap would make offsetOf() lie, so stop before it
            }
            batch.ensureValid();
            List<Record> records = batch.records();
            for (int i = 0; i < records.size() && kept.size() < maxRecords; i++) {
                long recordOffset = batch.baseOffset() + i;
                if (recordOffset < next) {
                    continue;
                }
                if (first < 0) {
                    first = recordOffset;
                }
                kept.add(records.get(i));
                next = recordOffset + 1;
            }
        }
        return new ReadResult(kept, first < 0 ? offset : first, next, committedEndOffset);
    }
}
