package io.tributary.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator runs and reports; its figures are not asserted (benchmarks, not tests, judge speed). */
class BenchLogTest {

    @TempDir
    Path dir;

    @Test
    void benchLog_withJsonOutput_endsWithOneJsonObjectAndCleansUp() throws Exception {
        CliRun run = CliRun.of("bench", "log", "--seconds", "1", "--warmup-seconds", "0", "--writers", "2",
                "--record-size", "100", "--batch-records", "10", "--durability", "os", "--dir", dir.toString(),
                "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        JsonNode json = new ObjectMapper().readTree(lines.getLast());
        assertThat(json.get("recordsPerSec").asLong()).isPositive();
        assertThat(json.get("mbPerSec").asDouble()).isPositive();
        assertThat(json.get("durability").asText()).isEqualTo("os");
        assertThat(json.get("writers").asInt()).isEqualTo(2);
        try (var left = Files.list(dir)) {
            assertThat(left).as("scratch partition deleted").isEmpty();
        }
    }
}
