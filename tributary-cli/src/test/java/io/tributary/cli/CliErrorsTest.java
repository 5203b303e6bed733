package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets one line on stderr and a non-zero exit, never a stack trace. */
class CliErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, int exitCode, String expected) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.errLines()).singleElement().asString().startsWith("tributary: ").contains(expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair", "dump", "read"})
    void logTool_whenDirectoryMissing_printsOneLineAndFails(String tool) {
        CliRun run = CliRun.of("log", tool, "--dir", dir.resolve("missing").toString());

        assertOneLineError(run, 1, "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair", "dump", "read", "append"})
    void logTool_whenDirectoryIsNotAPartition_printsOneLineAndFails(String tool) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a log");

        CliRun run = CliRun.of("log", tool, "--dir", dir.toString());

        assertOneLineError(run, 1, "is not a partition directory");
    }

    @Test
    void logTool_withoutDir_isAUsageError() {
        CliRun run = CliRun.of("log", "verify");

        assertOneLineError(run, 2, "Missing required option: '--dir=DIR'");
    }

    @Test
    void unknownCommand_isAUsageError() {
        CliRun run = CliRun.of("lgo");

        assertOneLineError(run, 2, "Unmatched argument");
    }

    @Test
    void invalidEnumValue_isAUsageError() {
        CliRun run = CliRun.of("bench", "log", "--durability", "maybe");

        assertOneLineError(run, 2, "maybe");
    }

    @Test
    void verify_ofAGarbageSegmentFile_reportsTheProblemAndFails() throws IOException {
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("00000000000000000000.log"), garbage);

        CliRun run = CliRun.of("log", "verify", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("problem: ").contains("00000000000000000000.log at byte 0");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void read_ofAnOldSegmentWithACorruptBatch_printsTheNamedErrorInOneLine() throws IOException {
        CliRun.withInput("a\nb\n", "log", "append", "--dir", dir.toString(), "--batch-records", "1");
        Path first = dir.resolve("00000000000000000000.log");
        Files.copy(first, dir.resolve("tmp"));
        // A second segment after the first makes the first one "old": a bad byte there stops the open.
        Files.move(dir.resolve("tmp"), dir.resolve("00000000000000000002.log"));
        byte[] bytes = Files.readAllBytes(first);
        bytes[60] ^= 0x7F;
        Files.write(first, bytes);

        CliRun run = CliRun.of("log", "read", "--dir", dir.toString());

        assertOneLineError(run, 1, "00000000000000000000.log at byte 0");
    }
}
