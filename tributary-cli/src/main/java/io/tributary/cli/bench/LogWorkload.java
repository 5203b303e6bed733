package io.tributary.cli.bench;

import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.log.AppendResult;
import io.tributary.log.PartitionLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * W writer threads append pre-built batches to one {@link PartitionLog}, each keeping up to
 * {@value #IN_FLIGHT_PER_WRITER} appends in flight so group commit has company. Batches are built
 * once, before the clock starts, and re-appended (the log rewrites their base offset in place): the
 * run measures the log, not the encoder. Writers block on their oldest append; nothing spins.
 *
 * @param writers      writer threads
 * @param batchRecords records per batch
 * @param recordSize   bytes per record value
 * @param warmUp       time before measuring
 * @param measure      time measured
 */
record LogWorkload(int writers, int batchRecords, int recordSize, Duration warmUp, Duration measure) {

    static final int IN_FLIGHT_PER_WRITER = 4;

    /**
     * What a run measured.
     *
     * @param records   records committed inside the measured window
     * @param seconds   length of the window
     * @param latency   append-to-commit latency in microseconds
     */
    record Result(long records, double seconds, Histogram latency) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    LogWorkload {
        if (writers < 1 || batchRecords < 1 || recordSize < 0) {
            throw new IllegalArgumentException("writers and batch records must be at least 1, record size at least 0");
        }
    }

    Result run(PartitionLog log) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        List<Writer> writerTasks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Writer writer = new Writer(log, batches(i), measureFrom, measureUntil);
            writerTasks.add(writer);
            threads.add(Thread.ofPlatform().name("bench-writer-" + i).start(writer));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram latency = new Histogram(3);
        long records = 0;
        for (Writer writer : writerTasks) {
            if (writer.failure != null) {
                throw writer.failure;
            }
            latency.add(writer.latency);
            records += writer.records;
        }
        return new Result(records, measure.toNanos() / 1e9, latency);
    }

    /** One more batch than may be in flight, so a free one is always at hand. */
    private RecordBatch[] batches(int writer) {
        SplittableRandom random = new SplittableRandom(writer);
        RecordBatch[] batches = new RecordBatch[IN_FLIGHT_PER_WRITER + 1];
        for (int b = 0; b < batches.length; b++) {
            BatchBuilder builder = BatchBuilder.create();
            for (int r = 0; r < batchRecords; r++) {
                byte[] value = new byte[recordSize];
                random.nextBytes(value);
                builder.add(Record.of(value, System.currentTimeMillis()));
            }
            batches[b] = builder.build();
        }
        return batches;
    }

    /** One writer thread: append, and when the window is full wait for the oldest. */
    private static final class Writer implements Runnable {
        private final PartitionLog log;
        private final RecordBatch[] batches;
        private final long measureFrom;
        private final long measureUntil;
        private final Histogram latency = new Histogram(3);
        private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        private long records;
        private RuntimeException failure;

        private record InFlight(CompletableFuture<AppendResult> future, long sentNanos, int batch) {
        }

        Writer(PartitionLog log, RecordBatch[] batches, long measureFrom, long measureUntil) {
            this.log = log;
            this.batches = batches;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
        }

        @Override
        public void run() {
            try {
                int next = 0;
                while (System.nanoTime() < measureUntil) {
                    if (inFlight.size() == IN_FLIGHT_PER_WRITER) {
                        next = complete(inFlight.poll());
                    }
                    inFlight.add(new InFlight(log.append(batches[next]), System.nanoTime(), next));
                    next = (next + 1) % batches.length;
                    while (batchInFlight(next)) {
                        next = (next + 1) % batches.length;
                    }
                }
                while (!inFlight.isEmpty()) {
                    complete(inFlight.poll());
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private boolean batchInFlight(int batch) {
            for (InFlight append : inFlight) {
                if (append.batch == batch) {
                    return true;
                }
            }
            return false;
        }

        private int complete(InFlight append) {
            AppendResult result = append.future.join();
            long now = System.nanoTime();
            if (now >= measureFrom && now <= measureUntil) {
                records += result.recordCount();
                latency.recordValue(Math.max(1, (now - append.sentNanos) / 1000));
            }
            return append.batch;
        }
    }
}
