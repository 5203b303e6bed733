package io.tributary.log;

import static io.tributary.log.TestBatches.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ByteSize;
import io.tributary.log.storage.SimulatedCrashStorage;
import io.tributary.log.storage.SimulatedCrashStorage.Crash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Crashes the simulated machine at chosen moments and checks what recovery brings back. */
class CrashRecoveryTest {

    private final SimulatedCrashStorage storage = new SimulatedCrashStorage();
    private final Path dir = Path.of("/sim/partition-0");

    private PartitionLog open(Durability durability) {
        return PartitionLog.builder(dir).storage(storage).config(LogConfig.defaults().withDurability(durability)).open();
    }

    @Test
    void fsyncMode_everyAckedAppendSurvivesACrash() {
        PartitionLog log = open(Durability.FSYNC);
        for (int i = 0; i < 20; i++) {
            log.append(of("acked-" + i)).join();
        }

        storage.crash(Crash.DROP_UNFORCED, new Random(1));
        abandon(log);

        try (PartitionLog recovered = open(Durability.FSYNC)) {
            assertThat(LogContents.values(recovered)).hasSize(20).startsWith("acked-0").endsWith("acked-19");
        }
    }

    @Test
    void osMode_loosesUnsyncedAppendsInACrash_asDocumented() {
        PartitionLog log = open(Durability.OS);
        log.append(of("acked but only in the page cache")).join();

        storage.crash(Crash.DROP_UNFORCED, new Random(1));
        abandon(log);

        try (PartitionLog recovered = open(Durability.OS)) {
            assertThat(recovered.endOffset()).isZero();
        }
    }

    @Test
    void writtenAck_completesBeforeTheCommit_andTheBatchStaysInvisibleUntilThen() {
        storage.forceDelay(java.time.Duration.ofMillis(300));
        try (PartitionLog log = open(Durability.FSYNC)) {
            CompletableFuture<AppendResult> written = log.append(of("a", "b"), AckLevel.WRITTEN);
            CompletableFuture<AppendResult> committed = log.append(of("c"), AckLevel.COMMITTED);

            assertThat(written).isCompletedWithValue(new AppendResult(0, 1, false));
            assertThat(committed).isNotDone();
            assertThat(log.committedEndOffset()).isZero();

            assertThat(committed.join()).isEqualTo(new AppendResult(2, 2, false));
            assertThat(LogContents.values(log)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void writtenAck_inFsyncMode_mayLoseTheBatchInACrash_asDocumented() {
        storage.forceDelay(java.time.Duration.ofSeconds(1));
        PartitionLog log = open(Durability.FSYNC);
        log.append(of("acked when written, never synced"), AckLevel.WRITTEN).join();

        storage.crash(Crash.DROP_UNFORCED, new Random(1));
        storage.forceDelay(java.time.Duration.ZERO);
        abandon(log);

        try (PartitionLog recovered = open(Durability.FSYNC)) {
            assertThat(recovered.endOffset()).isZero();
        }
    }

    @Test
    void tornWriteAtTheTail_isCutAndTheLogContinues() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            PartitionLog log = open(Durability.OS);
            long before = log.endOffset();
            log.append(of("r" + round + "a", "r" + round + "b")).join();
            storage.crash(Crash.TEAR_WITH_ZEROS, random);
            abandon(log);

            try (PartitionLog recovered = open(Durability.FSYNC)) {
                long after = recovered.endOffset();
                assertThat(after).isIn(before, before + 2);
                assertThat(LogContents.read(recovered)).hasSize((int) (after - recovered.logStartOffset()));
            }
        }
    }

    @Test
    void groupCommit_sharesFsyncsAmongConcurrentAppends() {
        storage.forceDelay(java.time.Duration.ofMillis(2));
        PartitionLog log = open(Durability.FSYNC);
        long forcesBefore = storage.forceCount();
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();

        for (int i = 0; i < 500; i++) {
            futures.add(log.append(of("concurrent-" + i)));
        }
        futures.forEach(CompletableFuture::join);
        long forces = storage.forceCount() - forcesBefore;
        log.close();

        assertThat(forces).as("fsyncs for 500 pipelined appends").isLessThan(500);
    }

    @Test
    void deleteSegmentsBefore_survivesACrash_withTheNewLogStart() {
        PartitionLog log = PartitionLog.builder(dir).storage(storage)
                .config(LogConfig.defaults().withRetention(java.time.Duration.ZERO, ByteSize.ofBytes(0))).open();
        log.append(of("a", "b")).join();
        log.roll();
        log.append(of("c")).join();
        log.roll();
        log.append(of("kept")).join();

        assertThat(log.deleteSegmentsBefore(3)).isEqualTo(2);
        storage.crash(Crash.DROP_UNFORCED, new Random(1));
        abandon(log);

        try (PartitionLog recovered = open(Durability.FSYNC)) {
            assertThat(recovered.logStartOffset()).as("the deletion was made durable by a directory sync").isEqualTo(3);
            assertThat(LogContents.values(recovered)).containsExactly("kept");
            assertThat(recovered.append(of("after")).join().baseOffset()).isEqualTo(4);
        }
    }

    /** The process died with the machine: its log can only be let go (closing it fails on dead files). */
    private static void abandon(PartitionLog crashed) {
        try {
            crashed.close();
        } catch (LogException expected) {
            // the files it had open are gone
        }
    }
}
