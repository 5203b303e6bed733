package io.tributary.log;

import io.tributary.format.RecordBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole log back for assertions. */
public final class LogContents {

    private LogContents() {
    }

    /** Every committed record from the log start, as offset → value, checking that offsets are dense. */
    public static Map<Long, String> read(PartitionLog log) {
        return readFrom(log, log.logStartOffset());
    }

    /** Every committed record from {@code offset}, as offset → value, checking that offsets are dense. */
    public static Map<Long, String> readFrom(PartitionLog log, long offset) {
        Map<Long, String> values = new LinkedHashMap<>();
        long next = offset;
        while (true) {
            ReadResult result = log.read(next, 64 * 1024);
            if (!(result instanceof ReadResult.Records records)) {
                return values;
            }
            for (RecordBatch batch : batches(records.slice())) {
                batch.ensureValid();
                List<io.tributary.api.Record> batchRecords = batch.records();
                for (int i = 0; i < batchRecords.size(); i++) {
                    long recordOffset = batch.baseOffset() + i;
                    if (recordOffset < next) {
                        continue;
                    }
                    if (recordOffset != next) {
                        throw new AssertionError("offsets are not dense: expected " + next + ", found " + recordOffset);
                    }
                    values.put(recordOffset, new String(batchRecords.get(i).value(), StandardCharsets.UTF_8));
                    next++;
                }
            }
        }
    }

    /** The values only, in offset order. */
    public static List<String> values(PartitionLog log) {
        return new ArrayList<>(read(log).values());
    }

    private static List<RecordBatch> batches(LogSlice slice) {
        try {
            return slice.batches();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
