package io.tributary.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareOptionsTest {

    private static final Path RESULTS = Path.of("results");

    @Test
    void quick_runsWorkloads1And4AgainstTributaryAndKafkaInBothModes() {
        CompareOptions options = CompareOptions.parse(RESULTS, "--quick", "--output", "json");

        assertThat(options.quick()).isTrue();
        assertThat(options.json()).isTrue();
        assertThat(options.peers()).containsExactly(PeerSystem.TRIBUTARY, PeerSystem.KAFKA);
        assertThat(options.workloads()).containsExactly(Workload.MAX_RATE_1KIB, Workload.LATENCY_20K);
        assertThat(options.durabilities()).containsExactly(DurabilityMode.FSYNC, DurabilityMode.OS);
        assertThat(options.repetitions()).isEqualTo(3);
    }

    @Test
    void defaults_runEveryWorkloadAgainstEveryPeer() {
        CompareOptions options = CompareOptions.parse(RESULTS);

        assertThat(options.peers()).containsExactly(PeerSystem.values());
        assertThat(options.workloads()).isEqualTo(Workload.ALL);
        assertThat(options.backlog()).isEqualTo(1L << 30);
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void explicitOptions_winOverQuickDefaults() {
        CompareOptions options = CompareOptions.parse(RESULTS, "--quick", "--peers", "redis,nats", "--workloads", "W2,5",
                "--durability", "fsync", "--repetitions", "5", "--backlog", "64MiB");

        assertThat(options.peers()).containsExactly(PeerSystem.REDIS, PeerSystem.NATS);
        assertThat(options.workloads()).containsExactly(Workload.MAX_RATE_100B, Workload.BACKLOG_READ);
        assertThat(options.durabilities()).containsExactly(DurabilityMode.FSYNC);
        assertThat(options.repetitions()).isEqualTo(5);
        assertThat(options.backlog()).isEqualTo(64L << 20);
    }

    @Test
    void unknownPeerOrWorkload_isRefusedWithWhatIsKnown() {
        assertThatThrownBy(() -> CompareOptions.parse(RESULTS, "--peers", "pulsar"))
                .hasMessageContaining("pulsar").hasMessageContaining("tributary, kafka, nats, redis");
        assertThatThrownBy(() -> CompareOptions.parse(RESULTS, "--workloads", "7")).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> CompareOptions.parse(RESULTS, "--durability", "sometimes")).hasMessageContaining("fsync, os or both");
    }

    @Test
    void repetitions_rotateTheOrderOfSystems() {
        CompareOptions options = CompareOptions.parse(RESULTS, "--peers", "tributary,kafka,nats");

        assertThat(options.peersOfRepetition(0)).containsExactly(PeerSystem.TRIBUTARY, PeerSystem.KAFKA, PeerSystem.NATS);
        assertThat(options.peersOfRepetition(1)).containsExactly(PeerSystem.KAFKA, PeerSystem.NATS, PeerSystem.TRIBUTARY);
    }

    @Test
    void consumers_splitPartitionsRoundRobin() {
        assertThat(Workload.MAX_RATE_16_PARTITIONS.partitionsOf(0)).isEqualTo(List.of(0, 2, 4, 6, 8, 10, 12, 14));
        assertThat(Workload.MAX_RATE_16_PARTITIONS.partitionsOf(1)).isEqualTo(List.of(1, 3, 5, 7, 9, 11, 13, 15));
    }
}
