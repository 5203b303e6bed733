package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigSource;
import io.tributary.format.CompressionCodec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void clientOptions_readTheirKeys_andKeepDefaultsForTheRest() {
        ClientOptions options = ClientOptions.from(ConfigSource.of(Map.of(
                "tributary.client.call-timeout", "3s",
                "tributary.client.shuffle-nodes", "true")));

        assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.shuffleNodes()).isTrue();
        assertThat(options.connectTimeout()).isEqualTo(ClientOptions.CONNECT_TIMEOUT.defaultValue());
    }

    @Test
    void producerOptions_readTheirKeys_fromTheEnvironmentToo() {
        ProducerOptions options = ProducerOptions.from(ConfigSource.environment(Map.of(
                "TRIBUTARY_PRODUCER_LINGER", "20ms",
                "TRIBUTARY_PRODUCER_WHEN_FULL", "fail",
                "TRIBUTARY_PRODUCER_COMPRESSION", "lz4")));

        assertThat(options.linger()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.whenFull()).isEqualTo(ProducerOptions.WhenFull.FAIL);
        assertThat(options.compression()).isEqualTo(CompressionCodec.LZ4);
        assertThat(options.idempotent()).isTrue();
    }

    @Test
    void anUnparsableValue_namesTheKeyAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> ProducerOptions.from(ConfigSource.of(Map.of("tributary.producer.linger", "soon"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tributary.producer.linger")
                .hasMessageContaining("TRIBUTARY_PRODUCER_LINGER");
    }

    @Test
    void impossibleCombinations_areRefusedNamingTheSettings() {
        assertThatThrownBy(() -> ProducerOptions.defaults().withMaxInFlightBatches(6))
                .hasMessageContaining("tributary.producer.max-in-flight-batches must be 1 to 5");
        assertThatThrownBy(() -> ProducerOptions.defaults().withBufferBytes(ByteSize.ofKibibytes(1)))
                .hasMessageContaining("tributary.producer.buffer-bytes = 1KiB must hold at least one batch");
        assertThatThrownBy(() -> ProducerOptions.defaults().withDeliveryTimeout(Duration.ofMillis(1)))
                .hasMessageContaining("tributary.producer.delivery-timeout");
        assertThatThrownBy(() -> ClientOptions.defaults().withCallTimeout(Duration.ZERO))
                .hasMessageContaining("tributary.client.call-timeout must be positive");
    }
}
