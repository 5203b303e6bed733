package io.tributary.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fixed, documented configuration each peer is started with. */
class PeerConfigTest {

    @Test
    void kafka_isASingleKraftNodeOnLoopbackWithItsOwnLogDir() {
        String properties = KafkaLauncher.serverProperties(19092, 19093, Path.of("/data/kafka"));

        assertThat(properties.lines()).contains("process.roles=broker,controller", "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "controller.quorum.bootstrap.servers=127.0.0.1:19093", "log.dirs=/data/kafka",
                "offsets.topic.replication.factor=1", "auto.create.topics.enable=false");
        assertThat(properties).doesNotContain("flush.messages");
    }

    @Test
    void kafka_fsyncsEveryAppendOnlyInFsyncMode() {
        assertThat(KafkaPeerClient.topicConfigs(DurabilityMode.FSYNC)).containsEntry("flush.messages", "1").hasSize(1);
        assertThat(KafkaPeerClient.topicConfigs(DurabilityMode.OS)).isEmpty();
    }

    @Test
    void kafkaProducer_batchesLikeTributarysProducer() {
        assertThat(KafkaPeerClient.producerProperties("127.0.0.1:1", false)).containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "262144").doesNotContainKey("acks");
        assertThat(KafkaPeerClient.producerProperties("127.0.0.1:1", true)).containsEntry("linger.ms", "1");
    }

    @Test
    void nats_syncsEveryWriteOnlyInFsyncMode() {
        String fsync = NatsLauncher.config(4222, Path.of("/data/nats"), DurabilityMode.FSYNC);
        String os = NatsLauncher.config(4222, Path.of("/data/nats"), DurabilityMode.OS);

        assertThat(fsync).contains("listen: 127.0.0.1:4222", "store_dir: \"/data/nats\"", "sync_interval: always");
        assertThat(os).contains("store_dir: \"/data/nats\"").doesNotContain("sync_interval");
    }

    @Test
    void nats_knowsSyncIntervalFrom2_10() {
        assertThat(NatsLauncher.supportsSyncInterval("2.9.10")).isFalse();
        assertThat(NatsLauncher.supportsSyncInterval("2.10.0")).isTrue();
        assertThat(NatsLauncher.supportsSyncInterval("v2.11.4")).isTrue();
        assertThat(NatsLauncher.supportsSyncInterval(null)).isFalse();
    }

    @Test
    void redis_appendsOnlyAndFsyncsAlwaysOrEverySecond() {
        assertThat(RedisLauncher.arguments(6390, Path.of("/data/redis"), DurabilityMode.FSYNC))
                .containsSequence("--port", "6390").containsSequence("--bind", "127.0.0.1")
                .containsSequence("--dir", "/data/redis").containsSequence("--appendonly", "yes")
                .containsSequence("--appendfsync", "always").containsSequence("--save", "");
        assertThat(RedisLauncher.arguments(6390, Path.of("/data/redis"), DurabilityMode.OS))
                .containsSequence("--appendfsync", "everysec");
    }

    @Test
    void tributary_runsTheServerCommandWithTheDurability() {
        assertThat(TributaryLauncher.serverArguments(Path.of("/data/t"), 7650, 7651, DurabilityMode.FSYNC))
                .containsExactly("server", "--data", "/data/t", "--host", "127.0.0.1", "--port", "7650", "--http-port",
                        "7651", "--durability", "fsync");
    }
}
