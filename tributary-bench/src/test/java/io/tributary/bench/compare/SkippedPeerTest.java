package io.tributary.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A peer that cannot run is skipped with its reason, and every output says so. */
class SkippedPeerTest {

    @Test
    void missingBinaries_areSkippedNamingWhatToInstall() {
        Availability nats = new NatsLauncher(null, null).availability(DurabilityMode.OS);
        Availability redis = new RedisLauncher(null).availability(DurabilityMode.FSYNC);

        assertThat(nats.available()).isFalse();
        assertThat(nats.skipReason()).contains("nats-server", "apt-get install nats-server");
        assertThat(redis.available()).isFalse();
        assertThat(redis.skipReason()).contains("redis-server", "apt-get install redis-server");
    }

    @Test
    void natsWithoutSyncInterval_skipsOnlyTheFsyncMode() {
        NatsLauncher old = new NatsLauncher(Path.of("/usr/sbin/nats-server"), "2.9.10");

        assertThat(old.availability(DurabilityMode.OS).available()).isTrue();
        assertThat(old.availability(DurabilityMode.FSYNC).skipReason()).contains("2.9.10", "sync_interval");
    }

    @Test
    void findExecutable_returnsNullForAnAbsentBinary() {
        assertThat(PeerProcess.findExecutable("no-such-server-anywhere", "/nonexistent")).isNull();
    }

    @Test
    void skippedTarget_isMarkedInTheJsonAndTheTables() throws Exception {
        Comparison comparison = new Comparison(List.of(Workload.MAX_RATE_1KIB), List.of(PeerSystem.TRIBUTARY, PeerSystem.NATS),
                List.of(DurabilityMode.FSYNC));
        comparison.skip(PeerSystem.NATS, DurabilityMode.FSYNC, "nats-server not found");
        comparison.add(new RunResult(Workload.MAX_RATE_1KIB, PeerSystem.TRIBUTARY, DurabilityMode.FSYNC, 1, 1000, 1000, null, 1, null));
        CompareReport report = new CompareReport(comparison, LimitProbes.Limits.NONE);

        JsonNode json = new ObjectMapper().readTree(CompareReport.toJsonLine(report.json(false, Map.of(), "results")));

        assertThat(json.at("/systems/nats/fsync/skipped").asText()).isEqualTo("nats-server not found");
        assertThat(json.at("/skipped/nats-fsync").asText()).isEqualTo("nats-server not found");
        assertThat(json.at("/workloads/W1/nats/fsync/skipped").asText()).isEqualTo("nats-server not found");
        assertThat(report.markdown()).contains("| W1 | fsync | NATS JetStream | skipped: nats-server not found |");
    }
}
