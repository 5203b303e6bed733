package io.tributary.bench.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a file that was just written front to back, again and again for a minimum time, in
 * fixed-size chunks into a direct buffer. The pages are in the page cache (the writer put them
 * there), so this is the rate of the kernel's copy to user space and of the read calls: the ceiling of
 * a log read that copies ({@code LogSlice.readAll}).
 *
 * <p>Blocking, single-threaded.
 */
final class PageCacheReadProbe {

    /**
     * @param throughput every byte read, over the whole time
     * @param passes     how many times the file was read whole
     */
    record Report(Throughput throughput, int passes) {
    }

    private PageCacheReadProbe() {
    }

    /**
     * Reads {@code file} whole at least once and until {@code minDuration} has passed.
     *
     * @throws IOException if a read fails
     */
    static Report run(Path file, int chunkBytes, Duration minDuration) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(chunkBytes);
        long bytes = 0;
        int passes = 0;
        long start = System.nanoTime();
        long deadline = start + minDuration.toNanos();
        long now;
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size == 0) {
                return new Report(Throughput.NONE, 0);
            }
            do {
                long position = 0;
                while (position < size) {
                    buffer.clear();
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new IOException(file + " ended at " + position + " of " + size + " bytes while being read back");
                    }
                    position += read;
                }
                bytes += position;
                passes++;
                now = System.nanoTime();
            } while (now - deadline < 0);
        }
        return new Report(new Throughput(bytes, now - start), passes);
    }
}
