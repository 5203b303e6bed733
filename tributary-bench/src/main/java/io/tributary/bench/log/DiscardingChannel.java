package io.tributary.bench.log;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;

/**
 * A channel that accepts every byte and keeps none. Single-threaded.
 *
 * <p>Hazard: {@code FileChannel.transferTo} only uses sendfile (or a mapped copy) for targets the JDK
 * knows, a {@code FileChannel} or a socket. To this channel it falls back to reading the file into a
 * small temporary buffer and calling {@link #write} per chunk (8 KiB in JDK 21–25). That fallback is
 * what any wrapped or user-supplied channel (TLS, compression, metering) costs, which is why
 * {@link LogReadBenchmark} measures it beside the sendfile path.
 */
final class DiscardingChannel implements WritableByteChannel {

    private boolean open = true;

    @Override
    public int write(ByteBuffer source) throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int count = source.remaining();
        source.position(source.limit());
        return count;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
