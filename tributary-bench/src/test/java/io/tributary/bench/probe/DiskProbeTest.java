package io.tributary.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke tests on real files: they check that the probe measures something, never how fast. */
class DiskProbeTest {

    @TempDir
    Path dir;

    private ProbeOptions fifthOfASecond(String... extra) {
        String[] args = Stream.concat(
                Stream.of("--dir", dir.toString(), "--seconds", "0.2", "--chunk", "64KiB", "--file-size", "4MiB",
                        "--read-seconds", "0.05"),
                Stream.of(extra)).toArray(String[]::new);
        return ProbeOptions.parse(args);
    }

    @Test
    void measure_withFsync_reportsPositiveRatesAndSyncLatencies() throws IOException {
        DiskProbe.Report report = DiskProbe.measure(fifthOfASecond());

        assertThat(report.write().overall().bytes()).isPositive();
        assertThat(report.write().overall().mbPerSec()).isPositive();
        assertThat(report.write().syncNanos().getTotalCount())
                .isEqualTo(report.write().overall().bytes() / (64 << 10));
        assertThat(report.read().throughput().mbPerSec()).isPositive();
        assertThat(report.write().fileBytes()).isLessThanOrEqualTo(4 << 20);
    }

    @Test
    void measure_deletesItsFile() throws IOException {
        DiskProbe.measure(fifthOfASecond());

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void measure_withoutFsync_stopsWhenTheFileIsFullAndSyncsOnceAtTheEnd() throws IOException {
        ProbeOptions options = ProbeOptions.parse("--dir", dir.toString(), "--seconds", "30", "--chunk", "64KiB",
                "--file-size", "1MiB", "--no-fsync", "--read-seconds", "0");

        DiskProbe.Report report = DiskProbe.measure(options);

        assertThat(report.write().overall().bytes()).isEqualTo(1 << 20);
        assertThat(report.write().syncNanos().getTotalCount()).isZero();
        assertThat(report.write().overallWithFinalSync().mbPerSec()).isPositive();
    }

    @Test
    void toJson_isOneLineEndingTheOutputWithMbPerSec() throws IOException {
        String json = DiskProbe.toJson(DiskProbe.measure(fifthOfASecond("--output", "json")));

        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n").containsPattern("\"mbPerSec\":[0-9.]+,");
    }

    @Test
    void parse_withoutArguments_givesTheReferenceSettings() {
        ProbeOptions options = ProbeOptions.parse();

        assertThat(options.directory()).isEqualTo(Path.of("."));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.chunkBytes()).isEqualTo(256 << 10);
        assertThat(options.fileBytes()).isEqualTo(2L << 30);
        assertThat(options.syncEachChunk()).isTrue();
        assertThat(options.json()).isFalse();
    }

    @Test
    void parse_rejectsUnknownOptionsAndBadValuesNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProbeOptions.parse("--fsync"))
                .withMessageContaining("--fsync");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProbeOptions.parse("--seconds", "ten"))
                .withMessageContaining("--seconds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProbeOptions.parse("--chunk=1MiB", "--file-size=64KiB"))
                .withMessageContaining("--file-size");
    }
}
