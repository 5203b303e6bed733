package io.tributary.bench.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Writes one file front to back in fixed-size chunks for a fixed time, with an fdatasync
 * ({@code FileChannel.force(false)}) after every chunk or none at all. With syncs this is the
 * reference notes' {@code fio --rw=write --bs=256k --fdatasync=1 --size=2G --runtime=10 --time_based}
 * (buffered, not O_DIRECT: the log writes through the page cache).
 *
 * <p><b>File size.</b> The file never grows past {@code maxFileBytes}. With syncs, writing then starts
 * again at the beginning, as fio's {@code --time_based} does; the report keeps the chunks that grew
 * the file (whose fdatasync also commits the new size and block allocation to the journal, as an
 * appending log segment's does) apart from those that overwrote earlier ones (data only, as in a
 * preallocated file). Without syncs, the run stops when the file is full: rewriting pages that are
 * still dirty would never reach the disk and would measure memory.
 *
 * <p>Blocking, single-threaded, allocation-free in the loop. Uses {@link System#nanoTime()}: the clock
 * is the thing measured with, so it is not injected.
 */
final class SequentialWriteProbe {

    /**
     * @param chunkBytes     bytes per write call
     * @param maxFileBytes   largest size the file reaches; at least one chunk
     * @param syncEachChunk  fdatasync after every chunk, else once at the end (timed apart)
     * @param duration       how long to write
     */
    record Settings(int chunkBytes, long maxFileBytes, boolean syncEachChunk, Duration duration) {
        Settings {
            if (chunkBytes < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1 byte, was " + chunkBytes);
            }
            if (maxFileBytes < chunkBytes) {
                throw new IllegalArgumentException("file size " + maxFileBytes + " B is smaller than one chunk of "
                        + chunkBytes + " B; raise --file-size or lower --chunk");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive, was " + duration);
            }
        }
    }

    /** Chunks of one kind: their bytes, the time from each write call to the end of its sync, and the syncs. */
    static final class Phase {
        private long bytes;
        private long nanos;
        private final Histogram syncNanos = new Histogram(3);

        Throughput throughput() {
            return new Throughput(bytes, nanos);
        }

        /** fdatasync latencies in nanoseconds; empty without per-chunk syncs. */
        Histogram syncNanos() {
            return syncNanos;
        }
    }

    /**
     * What a run measured.
     *
     * @param overall        every chunk, over the wall-clock time of the write loop
     * @param growing        chunks that extended the file
     * @param overwriting    chunks written over earlier ones (after the first lap; syncing runs only)
     * @param finalSyncNanos the one fdatasync after the loop of a run without per-chunk syncs, else 0
     * @param fileBytes      size of the file at the end
     */
    record Report(Throughput overall, Phase growing, Phase overwriting, long finalSyncNanos, long fileBytes) {

        /** fdatasync latencies of all chunks, in nanoseconds. */
        Histogram syncNanos() {
            Histogram all = growing.syncNanos().copy();
            all.add(overwriting.syncNanos());
            return all;
        }

        /** For a run without per-chunk syncs: the rate counting the final fdatasync, as {@code dd conv=fdatasync} reports it. */
        Throughput overallWithFinalSync() {
            return new Throughput(overall.bytes(), overall.nanos() + finalSyncNanos);
        }
    }

    private SequentialWriteProbe() {
    }

    /**
     * Writes {@code file} (created or truncated) as {@code settings} say. The caller deletes it.
     *
     * @throws IOException if a write or sync fails, e.g. the disk is full
     */
    static Report run(Path file, Settings settings) throws IOException {
        int chunkBytes = settings.chunkBytes();
        ByteBuffer chunk = incompressible(chunkBytes);
        Phase growing = new Phase();
        Phase overwriting = new Phase();
        long position = 0;
        long fileBytes = 0;
        long finalSyncNanos = 0;
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        long now = start;
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (now - deadline < 0) {
                if (position + chunkBytes > settings.maxFileBytes()) {
                    if (!settings.syncEachChunk()) {
                        break;
                    }
                    position = 0;
                }
                Phase phase = position < fileBytes ? overwriting : growing;
                long chunkStart = now;
                chunk.clear();
                while (chunk.hasRemaining()) {
                    position += channel.write(chunk, position);
                }
                if (settings.syncEachChunk()) {
                    long syncStart = System.nanoTime();
                    channel.force(false);
                    now = System.nanoTime();
                    phase.syncNanos.recordValue(now - syncStart);
                } else {
                    now = System.nanoTime();
                }
                phase.bytes += chunkBytes;
                phase.nanos += now - chunkStart;
                fileBytes = Math.max(fileBytes, position);
            }
            Throughput overall = new Throughput(growing.bytes + overwriting.bytes, now - start);
            if (!settings.syncEachChunk()) {
                long syncStart = System.nanoTime();
                channel.force(false);
                finalSyncNanos = System.nanoTime() - syncStart;
            }
            return new Report(overall, growing, overwriting, finalSyncNanos, fileBytes);
        }
    }

    /** A direct buffer (no copy into a temporary one per write) of random bytes. */
    private static ByteBuffer incompressible(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return ByteBuffer.allocateDirect(size).put(bytes).flip();
    }
}
