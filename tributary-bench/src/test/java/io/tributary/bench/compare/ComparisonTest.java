package io.tributary.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void stats_medianOfOddAndEvenCounts_ignoringNaN() {
        assertThat(Stats.of(3, 1, 2)).isEqualTo(new Stats(3, 2, 1, 3));
        assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(Stats.of(Double.NaN, 5).median()).isEqualTo(5);
        assertThat(Stats.of().isEmpty()).isTrue();
    }

    @Test
    void medians_ignoreFailedRuns_andFailedCellsSayWhy() {
        Comparison comparison = new Comparison(List.of(Workload.MAX_RATE_1KIB), List.of(PeerSystem.KAFKA), List.of(DurabilityMode.OS));
        comparison.add(run(PeerSystem.KAFKA, DurabilityMode.OS, 1, 100));
        comparison.add(RunResult.failed(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, DurabilityMode.OS, 2, 1, "boom"));
        comparison.add(run(PeerSystem.KAFKA, DurabilityMode.OS, 3, 300));

        assertThat(comparison.recordsPerSec(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, DurabilityMode.OS))
                .isEqualTo(new Stats(2, 200, 100, 300));
        assertThat(comparison.emptyReason(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, DurabilityMode.OS)).isNull();

        Comparison allFailed = new Comparison(List.of(Workload.MAX_RATE_1KIB), List.of(PeerSystem.KAFKA), List.of(DurabilityMode.OS));
        allFailed.add(RunResult.failed(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, DurabilityMode.OS, 1, 1, "boom"));
        assertThat(allFailed.emptyReason(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, DurabilityMode.OS)).isEqualTo("failed: boom");
    }

    @Test
    void quickJson_hasRecordsPerSecAndP99PerSystem_andTheKafkaRatios() throws Exception {
        Comparison comparison = new Comparison(List.of(Workload.MAX_RATE_1KIB, Workload.LATENCY_20K),
                List.of(PeerSystem.TRIBUTARY, PeerSystem.KAFKA), List.of(DurabilityMode.FSYNC, DurabilityMode.OS));
        for (int repetition = 1; repetition <= 3; repetition++) {
            comparison.add(run(PeerSystem.TRIBUTARY, DurabilityMode.FSYNC, repetition, 150_000 + repetition));
            comparison.add(run(PeerSystem.KAFKA, DurabilityMode.FSYNC, repetition, 50_000 + repetition));
            comparison.add(run(PeerSystem.TRIBUTARY, DurabilityMode.OS, repetition, 120_000));
            comparison.add(run(PeerSystem.KAFKA, DurabilityMode.OS, repetition, 100_000));
            for (PeerSystem system : List.of(PeerSystem.TRIBUTARY, PeerSystem.KAFKA)) {
                for (DurabilityMode durability : DurabilityMode.values()) {
                    comparison.add(latencyRun(system, durability, repetition, system == PeerSystem.TRIBUTARY ? 3 : 9));
                }
            }
        }
        CompareReport report = new CompareReport(comparison, new LimitProbes.Limits(500, 1, 1000, "probe"));

        String line = CompareReport.toJsonLine(report.json(true, Map.of("cores", 2), "results/x"));
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).doesNotContain("\n");
        assertThat(json.get("mode").asText()).isEqualTo("quick");
        assertThat(json.at("/systems/tributary/fsync/recordsPerSec").asLong()).isEqualTo(150_002);
        assertThat(json.at("/systems/tributary/fsync/recordsPerSecMin").asLong()).isEqualTo(150_001);
        assertThat(json.at("/systems/kafka/os/recordsPerSec").asLong()).isEqualTo(100_000);
        assertThat(json.at("/systems/kafka/fsync/p99Ms").asDouble()).isCloseTo(9, within(0.05));
        assertThat(json.at("/systems/tributary/os/p99Ms").asDouble()).isCloseTo(3, within(0.05));
        assertThat(json.get("tributaryVsKafkaFsync").asDouble()).isCloseTo(3.0, within(0.001));
        assertThat(json.get("tributaryVsKafkaOs").asDouble()).isCloseTo(1.2, within(0.001));
        assertThat(json.at("/limits/diskMbPerSec").asDouble()).isEqualTo(500);
        assertThat(json.at("/workloads/W4/kafka/fsync/p999Ms").isNumber()).isTrue();
        assertThat(report.markdown()).contains("| W1 | fsync | Kafka 4.4.0 | 50,002 (50,001–50,003) | 51.2 |", "3.00×");
    }

    private static RunResult run(PeerSystem system, DurabilityMode durability, int repetition, double recordsPerSec) {
        return new RunResult(Workload.MAX_RATE_1KIB, system, durability, repetition, recordsPerSec, recordsPerSec, null, 1, null);
    }

    private static RunResult latencyRun(PeerSystem system, DurabilityMode durability, int repetition, long millis) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < 1000; i++) {
            latency.recordValue(millis * 1_000_000);
        }
        return new RunResult(Workload.LATENCY_20K, system, durability, repetition, 20_000, 20_000, latency, 1, null);
    }
}
