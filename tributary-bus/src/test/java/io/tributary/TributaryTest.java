package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TributaryTest {

    @Test
    void open_withoutUrl_readsTributaryUrl_elseOpensTheDefaultDirectory() {
        assertThat(Tributary.urlFrom(Map.of("TRIBUTARY_URL", " mem: "))).isEqualTo("mem:");
        assertThat(Tributary.urlFrom(Map.of("TRIBUTARY_URL", ""))).isEqualTo("file:./tributary-data");
        assertThat(Tributary.urlFrom(Map.of())).isEqualTo("file:./tributary-data");
    }

    @Test
    void open_takesSettingsFromTheQuery_withoutTheirPrefix() {
        try (Bus bus = Tributary.open("mem:?default-topic=audit&tributary.bus.workers=2")) {
            assertThat(bus.defaultTopic()).isEqualTo("audit");
        }
    }

    @Test
    void open_withAnAdjustment_keepsTheUrlsSettings_andLetsTheAdjustmentWin() {
        try (Bus bus = Tributary.open("mem:?default-topic=audit", options -> options.withWorkers(2))) {
            assertThat(bus.defaultTopic()).isEqualTo("audit");
        }
        try (Bus bus = Tributary.open("mem:?default-topic=audit", options -> options.withDefaultTopic("billing"))) {
            assertThat(bus.defaultTopic()).isEqualTo("billing");
        }
    }

    @Test
    void open_refusesUnknownSchemesAndSettings_namingTheAcceptedOnes() {
        assertThatThrownBy(() -> Tributary.open("kafka://localhost:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mem:, file:<directory> or tributary://");
        assertThatThrownBy(() -> Tributary.open("mem:?wrokers=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'wrokers'").hasMessageContaining("workers");
        assertThatThrownBy(() -> Tributary.open("mem:?workers=2", BusOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("put every setting in one place");
        assertThatThrownBy(() -> Tributary.open("file:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no directory");
    }
}
