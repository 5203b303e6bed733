package io.tributary.log;

import static io.tributary.log.TestBatches.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.config.ByteSize;
import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogTest {

    @TempDir
    Path dir;

    private final List<PartitionLog> opened = new ArrayList<>();

    @AfterEach
    void closeLogs() {
        opened.forEach(PartitionLog::close);
    }

    private PartitionLog open(LogConfig config) {
        PartitionLog log = PartitionLog.open(dir, config);
        opened.add(log);
        return log;
    }

    private PartitionLog open() {
        return open(LogConfig.defaults());
    }

    @Test
    void append_assignsDenseOffsetsInArrivalOrder() {
        PartitionLog log = open();

        AppendResult first = log.append(of("a", "b", "c")).join();
        AppendResult second = log.append(of("d")).join();

        assertThat(first).isEqualTo(new AppendResult(0, 2, false));
        assertThat(second).isEqualTo(new AppendResult(3, 3, false));
        assertThat(log.endOffset()).isEqualTo(4);
        assertThat(log.committedEndOffset()).isEqualTo(4);
        assertThat(LogContents.values(log)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void read_fromTheMiddleOfABatch_returnsTheWholeBatch() throws Exception {
        PartitionLog log = open();
        log.append(of("a", "b", "c")).join();

        ReadResult.Records records = (ReadResult.Records) log.read(1, 1 << 20);

        assertThat(records.slice().firstOffset()).isZero();
        assertThat(records.nextOffset()).isEqualTo(3);
        assertThat(TestBatches.values(records.slice().batches().getFirst())).containsExactly("a", "b", "c");
    }

    @Test
    void read_isBoundedByMaxBytesButAlwaysReturnsOneWholeBatch() throws Exception {
        PartitionLog log = open(LogConfig.defaults().withIndexIntervalBytes(ByteSize.ofBytes(1)));
        for (int i = 0; i < 10; i++) {
            log.append(TestBatches.sized(10, 100)).join();
        }
        int batchSize = TestBatches.sized(10, 100).sizeInBytes();

        ReadResult.Records tiny = (ReadResult.Records) log.read(0, 1);
        ReadResult.Records three = (ReadResult.Records) log.read(25, 3 * batchSize);

        assertThat(tiny.slice().batches()).hasSize(1);
        assertThat(tiny.nextOffset()).isEqualTo(10);
        assertThat(three.slice().batches()).hasSize(3);
        assertThat(three.slice().firstOffset()).isEqualTo(20);
        assertThat(three.nextOffset()).isEqualTo(50);
    }

    @Test
    void read_atOrPastTheEnd_returnsNoRecordsWithTheCommittedEnd() {
        PartitionLog log = open();
        log.append(of("a")).join();

        assertThat(log.read(1, 1024)).isEqualTo(new ReadResult.NoRecords(1));
        assertThat(log.read(99, 1024)).isEqualTo(new ReadResult.NoRecords(1));
    }

    @Test
    void read_belowTheLogStart_returnsTheFirstAvailableOffset() {
        PartitionLog log = open(LogConfig.defaults().withRetention(Duration.ZERO, ByteSize.ofBytes(1)));
        log.append(of("a", "b")).join();
        log.roll();
        log.append(of("c")).join();
        log.roll();

        assertThat(log.logStartOffset()).isEqualTo(2);
        assertThat(log.read(0, 1024)).isEqualTo(new ReadResult.BelowLogStart(2));
    }

    @Test
    void read_canBeSentZeroCopyToAChannel() throws Exception {
        PartitionLog log = open();
        RecordBatch batch = of("zero", "copy");
        log.append(batch).join();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        ReadResult.Records records = (ReadResult.Records) log.read(0, 1 << 20);
        long sent = records.slice().transferTo(Channels.newChannel(sink));

        assertThat(sent).isEqualTo(batch.sizeInBytes());
        assertThat(sink.toByteArray()).isEqualTo(records.slice().readAll().array());
    }

    @Test
    void longPoll_completesWhenARecordIsAppended() throws Exception {
        PartitionLog log = open();
        CompletableFuture<ReadResult> waiting = log.read(0, 1024, Duration.ofSeconds(30));
        assertThat(waiting).isNotDone();

        log.append(of("wake")).join();

        ReadResult result = waiting.get(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(ReadResult.Records.class);
        assertThat(((ReadResult.Records) result).nextOffset()).isEqualTo(1);
    }

    @Test
    void longPoll_completesWithNoRecordsAtItsDeadline() throws Exception {
        PartitionLog log = open();

        ReadResult result = log.read(0, 1024, Duration.ofMillis(50)).get(10, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(new ReadResult.NoRecords(0));
    }

    @Test
    void longPoll_beyondTheWaiterLimit_failsWithANamedLimit() {
        PartitionLog log = open(new LogConfig(Durability.FSYNC, Duration.ofSeconds(1), ByteSize.ofGibibytes(1),
                Duration.ofDays(7), Duration.ofDays(7), ByteSize.ofBytes(0), ByteSize.ofKibibytes(4),
                ByteSize.ofMebibytes(8), LogConfig.VerifyOnOpen.FULL, 1));
        log.read(0, 1024, Duration.ofSeconds(30));

        assertThatThrownBy(() -> log.read(0, 1024, Duration.ofSeconds(30)).join())
                .hasCauseInstanceOf(LogException.class)
                .hasMessageContaining("tributary.log.max-read-waiters = 1");
    }

    @Test
    void close_failsWaitingReadsAndLaterCalls() {
        PartitionLog log = open();
        CompletableFuture<ReadResult> waiting = log.read(0, 1024, Duration.ofSeconds(30));

        log.close();

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(LogClosedException.class);
        assertThatThrownBy(() -> log.append(of("late")).join()).hasCauseInstanceOf(LogClosedException.class);
        assertThatThrownBy(() -> log.read(0, 1024)).isInstanceOf(LogClosedException.class);
    }

    @Test
    void reopen_keepsEveryCommittedRecord() {
        PartitionLog log = open();
        log.append(of("a", "b")).join();
        log.roll();
        log.append(of("c")).join();
        log.close();

        PartitionLog reopened = open();

        assertThat(reopened.segmentCount()).isEqualTo(2);
        assertThat(reopened.endOffset()).isEqualTo(3);
        assertThat(LogContents.values(reopened)).containsExactly("a", "b", "c");
        assertThat(reopened.append(of("d")).join().baseOffset()).isEqualTo(3);
    }

    @Test
    void append_rollsWhenTheSegmentWouldExceedItsSize() {
        RecordBatch sample = TestBatches.sized(1, 1000);
        PartitionLog log = open(LogConfig.defaults().withSegmentBytes(ByteSize.ofBytes(3L * sample.sizeInBytes())));

        for (int i = 0; i < 7; i++) {
            log.append(TestBatches.sized(1, 1000)).join();
        }

        assertThat(log.segmentCount()).isEqualTo(3);
        assertThat(LogContents.read(log)).hasSize(7);
    }

    @Test
    void append_rollsWhenTheSegmentIsOlderThanItsAge() {
        MutableClock clock = new MutableClock();
        PartitionLog log = PartitionLog.builder(dir).clock(clock)
                .config(LogConfig.defaults().withSegmentAge(Duration.ofHours(1))).open();
        opened.add(log);
        log.append(of("old")).join();

        clock.advance(Duration.ofMinutes(59));
        log.append(of("still young")).join();
        clock.advance(Duration.ofMinutes(2));
        log.append(of("new segment")).join();

        assertThat(log.segmentCount()).isEqualTo(2);
    }

    @Test
    void retention_byAge_deletesClosedSegmentsWhoseNewestRecordIsTooOld() {
        MutableClock clock = new MutableClock();
        long now = clock.millis();
        PartitionLog log = PartitionLog.builder(dir).clock(clock)
                .config(LogConfig.defaults().withRetention(Duration.ofHours(1), ByteSize.ofBytes(0))).open();
        opened.add(log);
        log.append(of(now, "a")).join();
        log.roll();
        log.append(of(now + Duration.ofMinutes(30).toMillis(), "b")).join();
        log.roll();
        log.append(of(now, "active")).join();

        clock.advance(Duration.ofMinutes(61));
        int deleted = log.enforceRetention();

        assertThat(deleted).isEqualTo(1);
        assertThat(log.logStartOffset()).isEqualTo(1);
        assertThat(LogContents.values(log)).containsExactly("b", "active");
    }

    @Test
    void retention_bySize_keepsAtLeastTheConfiguredBytes() {
        RecordBatch sample = TestBatches.sized(1, 1000);
        long segment = sample.sizeInBytes();
        PartitionLog log = open(LogConfig.defaults().withRetention(Duration.ZERO, ByteSize.ofBytes(2 * segment)));
        for (int i = 0; i < 5; i++) {
            log.append(TestBatches.sized(1, 1000)).join();
            log.roll();
        }
        log.append(TestBatches.sized(1, 1000)).join();

        log.enforceRetention();

        assertThat(log.sizeInBytes()).isGreaterThanOrEqualTo(2 * segment);
        assertThat(log.logStartOffset()).isEqualTo(4);
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".log"))).hasSize(2);
    }

    @Test
    void retention_runsAfterAnAutomaticRoll() {
        RecordBatch sample = TestBatches.sized(1, 1000);
        long segment = sample.sizeInBytes();
        PartitionLog log = open(LogConfig.defaults().withSegmentBytes(ByteSize.ofBytes(Math.max(1024, segment)))
                .withRetention(Duration.ZERO, ByteSize.ofBytes(segment)));

        for (int i = 0; i < 6; i++) {
            log.append(TestBatches.sized(1, 1000)).join();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.segmentCount() > 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(log.segmentCount()).as("retention ran on the scheduler after the rolls").isLessThanOrEqualTo(2);
        assertThat(log.logStartOffset()).isPositive();
    }

    @Test
    void deleteSegmentsBefore_deletesTheClosedSegmentsWhollyBelowTheOffset_oldestFirst() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a", "b"), List.of("c"), List.of("d", "e"));
        log.append(of("active")).join();

        int deleted = log.deleteSegmentsBefore(3);

        assertThat(deleted).isEqualTo(2);
        assertThat(log.logStartOffset()).isEqualTo(3);
        assertThat(log.segmentCount()).isEqualTo(2);
        assertThat(LogContents.values(log)).containsExactly("d", "e", "active");
        assertThat(log.read(0, 1024)).isEqualTo(new ReadResult.BelowLogStart(3));
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".log"))).hasSize(2);
    }

    @Test
    void deleteSegmentsBefore_anOffsetInsideASegment_keepsThatSegment() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a", "b"), List.of("c", "d"));
        log.append(of("active")).join();

        assertThat(log.deleteSegmentsBefore(1)).isZero();
        assertThat(log.deleteSegmentsBefore(3)).isEqualTo(1);

        assertThat(log.logStartOffset()).isEqualTo(2);
        assertThat(LogContents.values(log)).containsExactly("c", "d", "active");
    }

    @Test
    void deleteSegmentsBefore_neverDeletesTheActiveSegment() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a"), List.of("b"));
        log.append(of("active", "tail")).join();

        int deleted = log.deleteSegmentsBefore(Long.MAX_VALUE);

        assertThat(deleted).isEqualTo(2);
        assertThat(log.segmentCount()).isEqualTo(1);
        assertThat(log.logStartOffset()).isEqualTo(2);
        assertThat(LogContents.values(log)).containsExactly("active", "tail");
        assertThat(log.append(of("next")).join().baseOffset()).isEqualTo(4);
    }

    @Test
    void deleteSegmentsBefore_theLogStart_deletesNothing() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a"), List.of("b"));

        assertThat(log.deleteSegmentsBefore(0)).isZero();
        assertThat(log.logStartOffset()).isZero();
        assertThat(LogContents.values(log)).containsExactly("a", "b");
    }

    @Test
    void deleteSegmentsBefore_keepsTheNewLogStartAcrossAReopen() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a", "b"), List.of("c"));
        log.append(of("active")).join();
        log.deleteSegmentsBefore(3);
        log.close();
        opened.remove(log);

        PartitionLog reopened = open(keepingEverything());

        assertThat(reopened.logStartOffset()).isEqualTo(3);
        assertThat(LogContents.values(reopened)).containsExactly("active");
    }

    @Test
    void deleteSegmentsBefore_onAClosedLog_deletesNothing() {
        PartitionLog log = open(keepingEverything());
        appendSegments(log, List.of("a"));
        log.close();

        assertThat(log.deleteSegmentsBefore(Long.MAX_VALUE)).isZero();
    }

    /** No retention by age or size: only {@link PartitionLog#deleteSegmentsBefore} deletes. */
    private static LogConfig keepingEverything() {
        return LogConfig.defaults().withRetention(Duration.ZERO, ByteSize.ofBytes(0));
    }

    /** Appends each list of values as one batch in a segment of its own, closed by a roll. */
    @SafeVarargs
    private static void appendSegments(PartitionLog log, List<String>... segments) {
        for (List<String> values : segments) {
            log.append(of(values.toArray(String[]::new))).join();
            log.roll();
        }
    }

    @Test
    void append_ofABatchLargerThanTheLimit_failsAndNamesTheKey() {
        PartitionLog log = open(LogConfig.defaults());
        RecordBatch huge = TestBatches.sized(9, 1 << 20);

        assertThatThrownBy(() -> log.append(huge).join())
                .hasCauseInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("tributary.log.max-batch-bytes = 8MiB");
        assertThat(log.endOffset()).isZero();
    }

    @Test
    void append_ofACorruptBatch_failsWithoutWriting() {
        PartitionLog log = open();
        RecordBatch batch = of("a", "b");
        batch.buffer();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(batch.sizeInBytes()).put(batch.buffer()).flip();
        bytes.put(bytes.limit() - 1, (byte) (bytes.get(bytes.limit() - 1) ^ 1));

        assertThatThrownBy(() -> log.append(RecordBatch.wrap(bytes)).join()).hasCauseInstanceOf(CorruptBatchException.class);
        assertThat(log.endOffset()).isZero();
    }

    @Test
    void durabilityModes_allCommitAndExposeTheirAppends() {
        for (Durability durability : Durability.values()) {
            Path subdir = dir.resolve(durability.name());
            try (PartitionLog log = PartitionLog.open(subdir, LogConfig.defaults().withDurability(durability)
                    .withFlushInterval(Duration.ofMillis(10)))) {
                log.append(of("x", "y")).join();
                assertThat(LogContents.values(log)).as(durability.name()).containsExactly("x", "y");
            }
        }
    }

    @Test
    void reconfigure_changesDurabilityWhileOpen() {
        PartitionLog log = open();
        log.append(of("fsync")).join();

        log.reconfigure(log.config().withDurability(Durability.OS));
        log.append(of("os")).join();

        assertThat(log.config().durability()).isEqualTo(Durability.OS);
        assertThat(LogContents.values(log)).containsExactly("fsync", "os");
    }

    @Test
    void concurrentAppends_allCommitWithDistinctDenseOffsets() throws ExecutionException, InterruptedException {
        PartitionLog log = open();
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                submitted.add(executor.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        CompletableFuture<AppendResult> future = log.append(of("t" + thread + "-" + i));
                        synchronized (futures) {
                            futures.add(future);
                        }
                    }
                }));
            }
            for (var future : submitted) {
                future.get();
            }
        }

        List<Long> offsets = futures.stream().map(f -> f.join().baseOffset()).sorted().toList();

        assertThat(offsets).hasSize(200).doesNotHaveDuplicates().startsWith(0L).endsWith(199L);
        assertThat(LogContents.read(log)).hasSize(200);
    }
}
