package io.tributary.bench.log;

import io.tributary.bench.ScratchDirectory;
import io.tributary.format.RecordBatch;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import io.tributary.log.LogSlice;
import io.tributary.log.PartitionLog;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads a whole 256 MiB partition front to back, as a consumer catching up on a backlog does
 * (performance goal G8: ≥ 300 MB/s), in reads of at most {@value #MAX_READ_BYTES} bytes.
 *
 * <p><b>One operation</b> = one scan from offset 0 to the end, about 285 reads (15 batches each). The score is scans/s;
 * the secondary results are {@code bytes}/s (batch bytes as stored, headers included; MB/s = bytes /
 * 10<sup>6</sup>), {@code records}/s and {@code reads}/s. The log is filled once per trial in {@code OS}
 * mode and is then entirely in the page cache (the machine has far more RAM than 256 MiB), so this
 * measures the log's read path and the copy, not the disk.
 *
 * <p>Three ways to consume a slice:
 * <ul>
 *   <li>{@link #readAll}: {@link LogSlice#readAll()}, a copy into a new heap buffer (what a consumer in
 *       the same JVM, or a TLS connection, needs).</li>
 *   <li>{@link #transferToDevNull}: {@link LogSlice#transferTo} to a {@code FileChannel} on
 *       {@code /dev/null}, which the JDK turns into sendfile; the kernel passes page references and
 *       never touches the bytes, so this is the log's own per-read overhead, the ceiling of the
 *       zero-copy path. A socket target would add the kernel's copy into the socket buffer.</li>
 *   <li>{@link #transferToDiscardingChannel}: {@link LogSlice#transferTo} to a plain Java channel that
 *       discards. The JDK cannot use sendfile for it and falls back to 8 KiB read-and-write copies
 *       (see {@link DiscardingChannel}): the price of wrapping a socket channel.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LogReadBenchmark {

    static final long LOG_PAYLOAD_BYTES = 256L << 20;
    static final int RECORD_SIZE = 1024;
    static final int MAX_READ_BYTES = 1 << 20;

    private ScratchDirectory directory;
    private PartitionLog log;
    private long endOffset;
    private FileChannel devNull;
    private final DiscardingChannel discarding = new DiscardingChannel();

    /**
     * Fills the log with 256 MiB of 1 KiB records in 64 KiB batches, one append at a time (the batch
     * object is reused, which is allowed once its append completed).
     */
    @Setup(Level.Trial)
    public void fill() throws IOException {
        RecordBatch batch = SyntheticBatches.build(RECORD_SIZE, SyntheticBatches.BATCH_PAYLOAD_BYTES, 42);
        int payloadPerBatch = SyntheticBatches.recordsPerBatch(RECORD_SIZE, SyntheticBatches.BATCH_PAYLOAD_BYTES) * RECORD_SIZE;
        devNull = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE);
        directory = ScratchDirectory.create("log-read");
        try {
            log = PartitionLog.open(directory.path(), LogConfig.defaults().withDurability(Durability.OS));
            for (long filled = 0; filled < LOG_PAYLOAD_BYTES; filled += payloadPerBatch) {
                log.append(batch).join();
            }
            endOffset = log.committedEndOffset();
        } catch (RuntimeException | Error e) {
            // JMH runs no @TearDown after a failed @Setup: leave no log behind
            if (log != null) {
                log.close();
            }
            directory.close();
            devNull.close();
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        try {
            devNull.close();
            log.close();
        } finally {
            directory.close();
        }
    }

    /** Secondary results, per second: batch bytes, records and read calls. Reset every iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {

        public long bytes;
        public long records;
        public long reads;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            records = 0;
            reads = 0;
        }
    }

    @Benchmark
    public long readAll(Scanned scanned, Blackhole blackhole) throws IOException {
        return scan(scanned, slice -> {
            ByteBuffer bytes = slice.readAll();
            blackhole.consume(bytes);
            return bytes.remaining();
        });
    }

    @Benchmark
    public long transferToDevNull(Scanned scanned) throws IOException {
        return scan(scanned, slice -> slice.transferTo(devNull));
    }

    @Benchmark
    public long transferToDiscardingChannel(Scanned scanned) throws IOException {
        return scan(scanned, slice -> slice.transferTo(discarding));
    }

    /** How a scan consumes one slice; returns the bytes consumed. */
    @FunctionalInterface
    private interface SliceSink {
        long drain(LogSlice slice) throws IOException;
    }

    private long scan(Scanned scanned, SliceSink sink) throws IOException {
        long offset = 0;
        long bytes = 0;
        long reads = 0;
        while (offset < endOffset) {
            switch (log.read(offset, MAX_READ_BYTES)) {
                case ReadResult.Records records -> {
                    bytes += sink.drain(records.slice());
                    offset = records.nextOffset();
                }
                case ReadResult.BelowLogStart below -> throw new IllegalStateException(
                        "offset " + offset + " is below the log start " + below.logStartOffset()
                                + "; nothing should delete segments during the benchmark");
                case ReadResult.NoRecords none -> throw new IllegalStateException(
                        "no records at " + offset + ", the log commits up to " + none.committedEndOffset()
                                + " but held " + endOffset + " after the fill");
            }
            reads++;
        }
        scanned.bytes += bytes;
        scanned.records += endOffset;
        scanned.reads += reads;
        return bytes;
    }
}
