package io.tributary.bench.log;

import io.tributary.api.config.ByteSize;
import io.tributary.bench.ScratchDirectory;
import io.tributary.format.RecordBatch;
import io.tributary.log.AppendResult;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to one partition and waits for the commit: the cost of {@link PartitionLog#append} per
 * durability mode, record size and number of concurrent writers.
 *
 * <p><b>One operation</b> = append one pre-built batch of 64 KiB of payload ({@link
 * SyntheticBatches#BATCH_PAYLOAD_BYTES}: 655 records of 100 B or 64 of 1 KiB) and block on its future
 * until it is committed. The score is batches/s; the secondary results {@code records} and {@code
 * payloadBytes} are records/s and payload bytes/s (MB/s = payloadBytes / 10<sup>6</sup>; the bytes on
 * disk are a little more: batch header and per-record varints). 64 KiB is a full producer batch of a
 * busy topic: large enough that per-batch costs (a write call, an fsync shared by group commit) do not
 * hide the per-byte ones, small enough that 8 writers still contend.
 *
 * <p><b>Writers.</b> {@link #oneWriter} measures latency-bound throughput (each append waits alone for
 * its fsync in {@code FSYNC} mode); {@link #eightWriters} keeps 8 appends in flight, which is where
 * group commit should share one fsync among several batches. 8 threads on 2 vCPUs is deliberate: they
 * spend their time blocked on futures, not on a CPU.
 *
 * <p><b>Batches are reused.</b> Each writer thread owns one batch, built once per trial. The log
 * writes the base offset into the batch's bytes (not covered by the checksum) and keeps no reference
 * after the future completes, so a thread may append the same object again once it has waited; two
 * threads must never share one.
 *
 * <p><b>Disk.</b> Each trial gets a fresh log in a {@link ScratchDirectory}, deleted after it. Segments
 * are 1 GiB (rolls are rare, as in production); retention keeps the newest {@value #RETAINED_GIB} GiB
 * so that a fast {@code OS}-mode run cannot fill the disk. Deleting old segments is therefore part of
 * the steady state measured, as it is on a broker.
 *
 * <p><b>Warm-up is 9 s, longer than the JIT needs,</b> because the first seconds of a trial measure a
 * burst, not a rate the machine sustains: on the 2-vCPU reference VM, {@code OS} and {@code INTERVAL}
 * appended 1.0–2.0 GB/s until a few GB were dirty in the page cache, then settled at 0.3–0.35 GB/s
 * (dirty-page throttling: the disk's writeback rate). With 2 s of warm-up the measured iterations
 * straddled both and the error was larger than the score. For publishable numbers run longer still
 * ({@code -wi 5 -w 5s -i 5 -r 5s}) and record {@code uptime} next to them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LogAppendBenchmark {

    static final int RETAINED_GIB = 3;

    /** The log under test, shared by all writer threads of a trial. */
    @State(Scope.Benchmark)
    public static class OpenLog {

        @Param({"FSYNC", "INTERVAL", "OS"})
        public Durability durability;

        /** Bytes per record value. */
        @Param({"100", "1024"})
        public int recordSize;

        ScratchDirectory directory;
        PartitionLog log;

        @Setup(Level.Trial)
        public void open() {
            LogConfig config = LogConfig.defaults()
                    .withDurability(durability)
                    .withSegmentBytes(ByteSize.ofGibibytes(1))
                    .withRetention(Duration.ZERO, ByteSize.ofGibibytes(RETAINED_GIB));
            directory = ScratchDirectory.create("log-append");
            try {
                log = PartitionLog.open(directory.path(), config);
            } catch (RuntimeException | Error e) {
                directory.close(); // JMH runs no @TearDown after a failed @Setup
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                log.close();
            } finally {
                directory.close();
            }
        }
    }

    /** One writer thread's own batch. */
    @State(Scope.Thread)
    public static class Writer {

        RecordBatch batch;
        int recordsPerBatch;
        int payloadBytesPerBatch;

        @Setup(Level.Trial)
        public void build(OpenLog openLog) {
            recordsPerBatch = SyntheticBatches.recordsPerBatch(openLog.recordSize, SyntheticBatches.BATCH_PAYLOAD_BYTES);
            payloadBytesPerBatch = recordsPerBatch * openLog.recordSize;
            batch = SyntheticBatches.build(openLog.recordSize, SyntheticBatches.BATCH_PAYLOAD_BYTES,
                    Thread.currentThread().threadId());
        }
    }

    /**
     * Secondary results, per second and summed over threads by JMH: records and payload bytes
     * committed. Public fields are what JMH reports; reset every iteration.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Committed {

        public long records;
        public long payloadBytes;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
            payloadBytes = 0;
        }
    }

    @Benchmark
    @Threads(1)
    public AppendResult oneWriter(OpenLog openLog, Writer writer, Committed committed) {
        return appendAndWait(openLog, writer, committed);
    }

    @Benchmark
    @Threads(8)
    public AppendResult eightWriters(OpenLog openLog, Writer writer, Committed committed) {
        return appendAndWait(openLog, writer, committed);
    }

    /** Blocks (parks) on the future: never spins, so waiting writers leave the CPUs to the log. */
    private static AppendResult appendAndWait(OpenLog openLog, Writer writer, Committed committed) {
        AppendResult result = openLog.log.append(writer.batch).join();
        committed.records += writer.recordsPerBatch;
        committed.payloadBytes += writer.payloadBytesPerBatch;
        return result;
    }
}
