package io.tributary.log;

import static io.tributary.log.TestBatches.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionDirectoryTest {

    @TempDir
    Path dir;

    private void writeLog() {
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a", "b")).join();
            log.append(of("c")).join();
            log.roll();
            log.append(of("d", "e", "f")).join();
        }
    }

    @Test
    void verify_ofAHealthyLog_countsEverything() {
        writeLog();

        PartitionDirectory.VerifyReport report = PartitionDirectory.at(dir).verify();

        assertThat(report.healthy()).isTrue();
        assertThat(report.segments()).isEqualTo(2);
        assertThat(report.batches()).isEqualTo(3);
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.startOffset()).isZero();
        assertThat(report.nextOffset()).isEqualTo(6);
    }

    @Test
    void verify_reportsACorruptBatchWithFileAndPosition() throws IOException {
        writeLog();
        long secondBatch = of("a", "b").sizeInBytes();
        RecoveryTest.flipByte(dir.resolve("00000000000000000000.log"), secondBatch + 58);

        PartitionDirectory.VerifyReport report = PartitionDirectory.at(dir).verify();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file().getFileName()).hasToString("00000000000000000000.log");
            assertThat(problem.position()).isEqualTo(secondBatch);
            assertThat(problem.description()).contains("checksum");
        });
    }

    @Test
    void repair_truncatesAfterTheLastValidBatchAndDeletesLaterSegments() throws IOException {
        writeLog();
        long secondBatch = of("a", "b").sizeInBytes();
        RecoveryTest.flipByte(dir.resolve("00000000000000000000.log"), secondBatch + 58);

        PartitionDirectory.RepairReport report = PartitionDirectory.at(dir).repair();

        assertThat(report.truncatedFile().getFileName()).hasToString("00000000000000000000.log");
        assertThat(report.truncatedAt()).isEqualTo(secondBatch);
        assertThat(report.deletedSegments()).extracting(path -> path.getFileName().toString())
                .containsExactly("00000000000000000003.log");
        assertThat(report.nextOffset()).isEqualTo(2);
        assertThat(PartitionDirectory.at(dir).verify().healthy()).isTrue();
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(LogContents.values(log)).containsExactly("a", "b");
        }
    }

    @Test
    void repair_ofAHealthyLog_changesNothing() {
        writeLog();

        PartitionDirectory.RepairReport report = PartitionDirectory.at(dir).repair();

        assertThat(report.changedAnything()).isFalse();
        assertThat(report.nextOffset()).isEqualTo(6);
    }

    @Test
    void dump_visitsEveryBatchHeaderInOrder() {
        writeLog();
        List<PartitionDirectory.BatchInfo> batches = new ArrayList<>();

        PartitionDirectory.at(dir).dump(batches::add);

        assertThat(batches).extracting(info -> info.header().baseOffset()).containsExactly(0L, 2L, 3L);
        assertThat(batches).allMatch(PartitionDirectory.BatchInfo::checksumValid);
    }

    @Test
    void at_missingDirectory_isANamedError() {
        assertThatThrownBy(() -> PartitionDirectory.at(dir.resolve("nope")))
                .isInstanceOf(LogException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void at_directoryWithoutSegments_isNotAPartitionDirectory() throws IOException {
        Files.writeString(dir.resolve("readme.md"), "x");

        assertThatThrownBy(() -> PartitionDirectory.at(dir))
                .isInstanceOf(LogException.class)
                .hasMessageContaining("is not a partition directory");
    }
}
