package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

    enum Mode { FAST, SAFE }

    private static final ConfigKey<ByteSize> SIZE =
            ConfigKey.bytes("tributary.test.segment-bytes", ByteSize.ofMebibytes(1), "segment size");
    private static final ConfigKey<Mode> MODE = ConfigKey.enumerated("tributary.test.mode", Mode.SAFE, "mode");

    @Test
    void resolve_withoutAValue_givesTheDefault() {
        assertThat(SIZE.resolve(ConfigSource.defaults())).isEqualTo(ByteSize.ofMebibytes(1));
    }

    @Test
    void resolve_flagsWinOverEnvironmentWhichWinsOverFile() {
        ConfigSource flags = ConfigSource.of(Map.of("tributary.test.mode", "fast"));
        ConfigSource environment = ConfigSource.environment(Map.of("TRIBUTARY_TEST_SEGMENT_BYTES", "2MiB",
                "TRIBUTARY_TEST_MODE", "safe"));
        ConfigSource file = ConfigSource.of(Map.of("tributary.test.segment-bytes", "3MiB"));
        ConfigSource layered = flags.orElse(environment).orElse(file);

        assertThat(MODE.resolve(layered)).isEqualTo(Mode.FAST);
        assertThat(SIZE.resolve(layered)).isEqualTo(ByteSize.ofMebibytes(2));
        assertThat(SIZE.resolve(file)).isEqualTo(ByteSize.ofMebibytes(3));
    }

    @Test
    void booleanKeys_readTrueFalseOnOffYesNo_andNameTheKeyOtherwise() {
        ConfigKey<Boolean> key = ConfigKey.bool("tributary.test.enabled", true, "whether it is on");

        assertThat(key.parse("off")).isFalse();
        assertThat(key.parse(" YES ")).isTrue();
        assertThatThrownBy(() -> key.parse("maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tributary.test.enabled")
                .hasMessageContaining("'maybe' is not true or false");
    }

    @Test
    void formatDuration_writesTheLargestWholeUnit_andParsesBack() {
        for (Duration duration : List.of(Duration.ZERO, Duration.ofMillis(250), Duration.ofSeconds(90), Duration.ofDays(7))) {
            assertThat(ConfigKey.parseDuration(ConfigKey.formatDuration(duration))).isEqualTo(duration);
        }
        assertThat(ConfigKey.formatDuration(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(ConfigKey.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    void environmentName_isTheKeyInUpperSnakeCase() {
        assertThat(SIZE.environmentName()).isEqualTo("TRIBUTARY_TEST_SEGMENT_BYTES");
    }

    @Test
    void parse_ofABadValue_namesTheKeyAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> MODE.parse("turbo"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tributary.test.mode")
                .hasMessageContaining("TRIBUTARY_TEST_MODE")
                .hasMessageContaining("not one of fast, safe");
    }

    @Test
    void parseDuration_readsCommonUnits() {
        assertThat(ConfigKey.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigKey.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigKey.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigKey.parseDuration("100")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void name_mustLiveInTheTributaryNamespace() {
        assertThatThrownBy(() -> ConfigKey.integer("segment.bytes", 1, "x"))
                .hasMessageContaining("tributary.<component>.<key>");
    }
}
