package io.tributary.log.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * One open file. Positional reads and writes may run from several threads at once, also concurrently
 * with {@link #force()}; {@link #truncate(long)} and {@link #close()} must not race with writes.
 */
public interface StorageFile extends Closeable {

    Path path();

    /** Current size in bytes, including written but not yet forced bytes. */
    long size() throws IOException;

    /** Writes all remaining bytes of {@code source} at {@code position}. */
    void write(ByteBuffer source, long position) throws IOException;

    /**
     * Reads into {@code target} from {@code position} until it is full or the file ends.
     *
     * @return bytes read
     */
    int read(ByteBuffer target, long position) throws IOException;

    /** Puts every byte written so far on stable storage (fdatasync); blocks until done. */
    void force() throws IOException;

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size) throws IOException;

    /**
     * Sends {@code count} bytes from {@code position} to {@code target}, zero-copy where the platform
     * allows (a socket or file channel on Linux). Loops until all are sent, the file ends, or a
     * non-blocking target accepts nothing more for now; never spins.
     *
     * @return bytes sent, fewer than {@code count} only in those last two cases
     */
    long transferTo(long position, long count, WritableByteChannel target) throws IOException;
}
