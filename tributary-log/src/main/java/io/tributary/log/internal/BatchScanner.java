package io.tributary.log.internal;

import io.tributary.format.BatchHeader;
import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import io.tributary.log.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Walks the batches of one segment file from the start, checking that each header parses, fits in
 * the file, continues the offset sequence and (optionally) matches its checksum. Stops at the first
 * batch that fails and says where and why. Used by recovery and by the offline tools.
 *
 * <p>Not thread-safe; one scanner per walk. Reuses one buffer for checksummed batches.
 */
final class BatchScanner {

    /** Receives each valid batch in file order. */
    @FunctionalInterface
    interface Visitor {
        void batch(long position, BatchHeader header);
    }

    /**
     * How a walk ended.
     *
     * @param validEnd         byte position after the last valid batch
     * @param nextOffset       offset after the last valid batch's records
     * @param batches          valid batches
     * @param records          records in valid batches
     * @param problem          why the walk stopped early, or null when it reached the end of the file
     */
    record Outcome(long validEnd, long nextOffset, long batches, long records, @Nullable String problem) {
        boolean clean() {
            return problem == null;
        }
    }

    private final ByteBuffer header = ByteBuffer.allocate(BatchHeader.SIZE);
    private ByteBuffer batch = ByteBuffer.allocate(0);

    /**
     * Walks {@code file}, whose first batch must start at {@code baseOffset}.
     *
     * @param verifyChecksums whether to read whole batches and check their CRC32C, or only headers
     */
    Outcome scan(StorageFile file, long baseOffset, boolean verifyChecksums, Visitor visitor) throws IOException {
        long size = file.size();
        long position = 0;
        long nextOffset = baseOffset;
        long batches = 0;
        long records = 0;
        while (position < size) {
            long remaining = size - position;
            if (remaining < BatchHeader.SIZE) {
                return new Outcome(position, nextOffset, batches, records,
                        "incomplete batch: " + remaining + " bytes where a header needs " + BatchHeader.SIZE);
            }
            header.clear();
            file.read(header, position);
            BatchHeader parsed;
            try {
                parsed = BatchHeader.read(header, 0);
            } catch (CorruptBatchException e) {
                return new Outcome(position, nextOffset, batches, records, e.getMessage());
            }
            if (parsed.sizeInBytes() > remaining) {
                return new Outcome(position, nextOffset, batches, records, "batch of " + parsed.sizeInBytes()
                        + " bytes is cut short: " + remaining + " bytes remain in the file");
            }
            if (parsed.baseOffset() != nextOffset) {
                return new Outcome(position, nextOffset, batches, records, "batch base offset " + parsed.baseOffset()
                        + " breaks the offset sequence: expected " + nextOffset);
            }
            if (verifyChecksums) {
                String checksumProblem = checksumProblem(file, position, parsed);
                if (checksumProblem != null) {
                    return new Outcome(position, nextOffset, batches, records, checksumProblem);
                }
            }
            visitor.batch(position, parsed);
            position += parsed.sizeInBytes();
            nextOffset = parsed.nextOffset();
            batches++;
            records += parsed.recordCount();
        }
        return new Outcome(position, nextOffset, batches, records, null);
    }

    /** Whether the batch at {@code position} matches its checksum. */
    boolean checksumValid(StorageFile file, long position, BatchHeader parsed) throws IOException {
        return checksumProblem(file, position, parsed) == null;
    }

    private @Nullable String checksumProblem(StorageFile file, long position, BatchHeader parsed) throws IOException {
        int length = parsed.sizeInBytes();
        if (batch.capacity() < length) {
            batch = ByteBuffer.allocate(Math.max(length, Math.min(2 * batch.capacity(), 64 << 20)));
        }
        batch.clear().limit(length);
        file.read(batch, position);
        batch.flip();
        try {
            RecordBatch.wrap(batch).ensureValid();
            return null;
        } catch (CorruptBatchException e) {
            return e.getMessage();
        }
    }
}
