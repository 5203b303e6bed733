package io.tributary.log;

import io.tributary.format.RecordBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Whole batches returned by a read: a byte range of one segment file. Reading it copies the bytes;
 * {@link #transferTo(WritableByteChannel)} sends them to a socket without copying (sendfile).
 *
 * <p>A slice stays readable while its segment exists. If retention deletes the segment first, reading
 * fails with {@link java.nio.channels.ClosedChannelException}; read again from the log.
 */
public interface LogSlice {

    /** Number of bytes in the slice (whole batches). */
    int sizeInBytes();

    /** Offset of the first record of the first batch (may be below the offset asked for). */
    long firstOffset();

    /** Offset after the last record of the last batch. */
    long nextOffset();

    /** Copies the bytes into a new heap buffer. */
    ByteBuffer readAll() throws IOException;

    /** The batches, decoded from a copy of the bytes. */
    default List<RecordBatch> batches() throws IOException {
        return RecordBatch.splitAll(readAll());
    }

    /**
     * Writes the slice to {@code target}, zero-copy (sendfile) when the target is a socket or file
     * channel. A blocking target receives every byte; a non-blocking one receives what it accepts now.
     *
     * @return bytes written
     */
    long transferTo(WritableByteChannel target) throws IOException;
}
