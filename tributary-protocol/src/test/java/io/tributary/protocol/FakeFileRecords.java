package io.tributary.protocol;

import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.RecordsSource;
import java.nio.ByteBuffer;

/**
 * Stands in for the broker's log slice: batches that are not in memory, which the codec must leave to
 * the network layer ({@code FileChannel.transferTo}). The test plays the network layer and sends
 * {@link #bytes()} itself.
 */
record FakeFileRecords(ByteBuffer bytes) implements RecordsSource {

    /** The same batches as {@code records}, as if they sat in a segment file. */
    static FakeFileRecords of(RecordsSource records) {
        return new FakeFileRecords(((MemoryRecords) records).buffer());
    }

    @Override
    public int sizeInBytes() {
        return bytes.remaining();
    }

    /** What the network layer's {@code transferTo} would send. */
    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }
}
