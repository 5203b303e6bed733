package io.tributary.log;

import static io.tributary.log.TestBatches.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path dir;

    private static Path segment(Path dir, long base) {
        return dir.resolve(String.format("%020d.log", base));
    }

    private static Path index(Path dir, long base) {
        return dir.resolve(String.format("%020d.index", base));
    }

    @Test
    void tornTail_isTruncatedToExactlyTheLastCompleteBatch() throws IOException {
        long endOfSecondBatch;
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("one")).join();
            log.append(of("two", "three")).join();
            endOfSecondBatch = log.sizeInBytes();
            log.append(of("torn", "batch")).join();
        }
        long fullSize = Files.size(segment(dir, 0));
        try (RandomAccessFile file = new RandomAccessFile(segment(dir, 0).toFile(), "rw")) {
            file.setLength(fullSize - 5);
        }

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(Files.size(segment(dir, 0))).isEqualTo(endOfSecondBatch);
            assertThat(LogContents.values(log)).containsExactly("one", "two", "three");
            assertThat(log.append(of("after")).join().baseOffset()).isEqualTo(3);
        }
    }

    @Test
    void checksumFailureInTheTail_truncatesFromTheBadBatch() throws IOException {
        long endOfFirstBatch;
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("kept")).join();
            endOfFirstBatch = log.sizeInBytes();
            log.append(of("flipped")).join();
        }
        flipByte(segment(dir, 0), Files.size(segment(dir, 0)) - 2);

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(Files.size(segment(dir, 0))).isEqualTo(endOfFirstBatch);
            assertThat(LogContents.values(log)).containsExactly("kept");
        }
    }

    @Test
    void corruptByteInAnOldSegment_stopsTheOpenNamingFileAndPosition() throws IOException {
        long secondBatchPosition;
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a", "b")).join();
            secondBatchPosition = log.sizeInBytes();
            log.append(of("c", "d")).join();
            log.append(of("e")).join();
            log.roll();
            log.append(of("tail")).join();
        }
        flipByte(segment(dir, 0), secondBatchPosition + 60);

        assertThatThrownBy(() -> PartitionLog.open(dir, LogConfig.defaults()))
                .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                    assertThat(e.file()).isEqualTo(segment(dir, 0));
                    assertThat(e.position()).isEqualTo(secondBatchPosition);
                })
                .hasMessageContaining("00000000000000000000.log at byte " + secondBatchPosition)
                .hasMessageContaining("checksum")
                .hasMessageContaining("tributary log repair");
        assertThat(Files.size(segment(dir, 0))).as("nothing is truncated").isGreaterThan(secondBatchPosition);
    }

    @Test
    void corruptOldSegment_withTailVerification_opensAndTheCorruptionShowsOnVerify() throws IOException {
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a", "b")).join();
            log.roll();
            log.append(of("tail")).join();
        }
        flipByte(segment(dir, 0), 60);

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults().withVerifyOnOpen(LogConfig.VerifyOnOpen.TAIL))) {
            assertThat(log.endOffset()).isEqualTo(3);
        }
        assertThat(PartitionDirectory.at(dir).verify().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.position()).isZero());
    }

    @Test
    void missingIndex_isRebuilt() throws IOException {
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a")).join();
            log.roll();
            log.append(of("b")).join();
        }
        byte[] original = Files.readAllBytes(index(dir, 0));
        Files.delete(index(dir, 0));

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(LogContents.values(log)).containsExactly("a", "b");
        }

        assertThat(Files.readAllBytes(index(dir, 0))).isEqualTo(original);
    }

    @Test
    void staleIndex_isRebuilt() throws IOException {
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a")).join();
            log.roll();
            log.append(of("b")).join();
        }
        byte[] original = Files.readAllBytes(index(dir, 0));
        Files.write(index(dir, 0), new byte[] {0, 0, 0, 9, 0, 0, 1, 0});

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(LogContents.values(log)).containsExactly("a", "b");
        }

        assertThat(Files.readAllBytes(index(dir, 0))).isEqualTo(original);
    }

    @Test
    void directoryWithOtherFilesAndNoSegment_isNotAPartitionDirectory() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> PartitionLog.open(dir, LogConfig.defaults()))
                .isInstanceOf(LogException.class)
                .hasMessageContaining("is not a partition directory")
                .hasMessageContaining("notes.txt");
    }

    @Test
    void garbageSegmentFile_isTruncatedWhenItIsTheOnlySegment() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        Files.write(segment(dir, 0), garbage);

        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            assertThat(log.endOffset()).isZero();
            assertThat(log.append(of("fresh")).join().baseOffset()).isZero();
        }
    }

    @Test
    void gapBetweenSegments_isCorruption() throws IOException {
        try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
            log.append(of("a", "b")).join();
            log.roll();
            log.append(of("c")).join();
        }
        Files.move(segment(dir, 2), segment(dir, 5));

        assertThatThrownBy(() -> PartitionLog.open(dir, LogConfig.defaults()))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("segment starts at offset 5 but the previous segment ends at offset 2");
    }

    static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int value = raf.read();
            raf.seek(position);
            raf.write(value ^ 0xFF);
        }
    }
}
