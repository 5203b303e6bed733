package io.tributary.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Test-side handling of raw batch bytes: writable copies to damage, and a checksum computed here
 * rather than by the code under test.
 */
final class BatchBytes {

    static final int CRC_OFFSET = 13;
    static final int CRC_COVERAGE_START = 17;

    private BatchBytes() {
    }

    /** A writable heap copy of the batch, position 0. */
    static ByteBuffer copyOf(RecordBatch batch) {
        ByteBuffer copy = ByteBuffer.allocate(batch.sizeInBytes());
        copy.put(batch.buffer()).flip();
        return copy;
    }

    /** The first {@code length} bytes of the batch, as a new buffer. */
    static ByteBuffer truncated(RecordBatch batch, int length) {
        return copyOf(batch).limit(length).slice();
    }

    /** {@code batches} back to back in one buffer, position 0. */
    static ByteBuffer concatenated(RecordBatch... batches) {
        int size = 0;
        for (RecordBatch batch : batches) {
            size += batch.sizeInBytes();
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (RecordBatch batch : batches) {
            all.put(batch.buffer());
        }
        return all.flip();
    }

    /** CRC32C of bytes 17 to the limit, as the format defines it. */
    static int checksum(ByteBuffer batch) {
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(CRC_COVERAGE_START));
        return (int) crc.getValue();
    }

    /** Rewrites the stored checksum so that it matches the (changed) bytes. */
    static ByteBuffer resealed(ByteBuffer batch) {
        batch.putInt(CRC_OFFSET, checksum(batch));
        return batch;
    }
}
