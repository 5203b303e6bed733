package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.BusOptions;
import io.tributary.api.config.ConfigKey;
import io.tributary.broker.BrokerConfig;
import io.tributary.client.ClientOptions;
import io.tributary.client.ProducerOptions;
import io.tributary.event.Event;
import io.tributary.group.GroupConfig;
import io.tributary.log.LogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's knobs table lists every configuration key with its unit and its real default. */
class ReadmeKnobsTest {

    private static final List<ConfigKey<?>> ALL_KEYS = Stream.of(LogConfig.KEYS, BrokerConfig.KEYS, GroupConfig.KEYS,
            ClientOptions.KEYS, ProducerOptions.KEYS, BusOptions.KEYS, List.<ConfigKey<?>>of(Event.DEFAULT_SOURCE))
            .flatMap(List::stream).toList();

    @Test
    void knobsTable_listsEveryKeyWithItsUnitAndDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (ConfigKey<?> key : ALL_KEYS) {
            String rendered = render(key.defaultValue());
            String row = "| `" + key.name() + "` | " + key.unit() + " | " + (rendered.isEmpty() ? "(none)" : "`" + rendered + "`")
                    + " |";
            assertThat(readme).as("README knobs row for %s", key.name()).contains(row);
        }
    }

    private static String render(Object value) {
        return switch (value) {
            case Enum<?> constant -> constant.name().toLowerCase(Locale.ROOT);
            case Duration duration -> ConfigKey.formatDuration(duration);
            default -> value.toString();
        };
    }
}
