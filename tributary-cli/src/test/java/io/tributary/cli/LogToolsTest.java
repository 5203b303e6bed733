package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogToolsTest {

    @TempDir
    Path dir;

    private Path partition() {
        return dir.resolve("orders-0");
    }

    private CliRun append(String lines, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "log";
        args[1] = "append";
        args[2] = "--dir=" + partition();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.withInput(lines, args);
    }

    @Test
    void append_thenRead_returnsEveryLineInOrder() {
        CliRun appended = append("first\nsecond\nthird\n", "--batch-records", "2");

        CliRun read = CliRun.of("log", "read", "--dir", partition().toString());

        assertThat(appended.exitCode()).isZero();
        assertThat(appended.err()).isEqualTo("3 records appended, offsets 0..2\n");
        assertThat(read.exitCode()).isZero();
        assertThat(read.outLines()).containsExactly("first", "second", "third");
    }

    @Test
    void read_fromAndCount_selectARange() {
        append("a\nb\nc\nd\ne\n", "--batch-records", "2");

        CliRun read = CliRun.of("log", "read", "--dir", partition().toString(), "--from", "1", "--count", "3");

        assertThat(read.outLines()).containsExactly("b", "c", "d");
    }

    @Test
    void append_keepsUnicodeLines() {
        append("zürich ✓\n");

        assertThat(CliRun.of("log", "read", "--dir", partition().toString()).outLines()).containsExactly("zürich ✓");
    }

    @Test
    void verify_ofAHealthyLog_summarisesAndSucceeds() {
        append("a\nb\nc\n", "--batch-records", "2");

        CliRun verify = CliRun.of("log", "verify", "--dir", partition().toString());

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.outLines()).containsExactly("1 segments, 2 batches, 3 records, "
                + sizeOfSegment() + " bytes, offsets 0..2", "healthy");
    }

    @Test
    void repair_afterATornTail_saysWhatItRemoved() throws IOException {
        append("kept\n");
        long keptSize = sizeOfSegment();
        append("torn\n");
        try (RandomAccessFile file = new RandomAccessFile(segment().toFile(), "rw")) {
            file.setLength(file.length() - 3);
        }
        long tornBytes = sizeOfSegment() - keptSize;

        CliRun verify = CliRun.of("log", "verify", "--dir", partition().toString());
        CliRun repair = CliRun.of("log", "repair", "--dir", partition().toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(repair.exitCode()).isZero();
        assertThat(repair.outLines()).containsExactly(
                "truncated " + segment() + " at byte " + keptSize,
                "removed " + tornBytes + " bytes; the log now ends at offset 1");
        assertThat(CliRun.of("log", "read", "--dir", partition().toString()).outLines()).containsExactly("kept");
    }

    @Test
    void repair_ofAHealthyLog_saysSo() {
        append("a\n");

        CliRun repair = CliRun.of("log", "repair", "--dir", partition().toString());

        assertThat(repair.outLines()).containsExactly("nothing to repair: every batch is valid; the log ends at offset 1");
    }

    @Test
    void dump_printsOneLinePerBatch() {
        append("a\nb\nc\n", "--batch-records", "2");

        CliRun dump = CliRun.of("log", "dump", "--dir", partition().toString());

        assertThat(dump.outLines()).hasSize(2);
        assertThat(dump.outLines().get(0)).startsWith("00000000000000000000.log position=0 baseOffset=0 lastOffset=1 records=2")
                .endsWith("codec=none crc=ok");
        assertThat(dump.outLines().get(1)).contains("baseOffset=2 lastOffset=2 records=1");
    }

    @Test
    void classpath_listsTheJarsOfThisRuntime() {
        CliRun run = CliRun.of("classpath");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("picocli");
    }

    @Test
    void version_namesTributaryAndJava() {
        CliRun run = CliRun.of("--version");

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).matches("tributary \\d+\\.\\d+\\.\\d+.*");
        assertThat(run.outLines().get(1)).startsWith("Java ");
    }

    private Path segment() {
        return partition().resolve("00000000000000000000.log");
    }

    private long sizeOfSegment() {
        try {
            return Files.size(segment());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
