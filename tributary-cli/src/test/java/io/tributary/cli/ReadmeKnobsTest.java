package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ConfigKey;
import io.tributary.log.LogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's knobs table lists every configuration key with its unit and its real default. */
class ReadmeKnobsTest {

    private static final List<ConfigKey<?>> ALL_KEYS = LogConfig.KEYS;

    @Test
    void knobsTable_listsEveryKeyWithItsUnitAndDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (ConfigKey<?> key : ALL_KEYS) {
            String row = "| `" + key.name() + "` | " + key.unit() + " | `" + render(key.defaultValue()) + "` |";
            assertThat(readme).as("README knobs row for %s", key.name()).contains(row);
        }
    }

    private static String render(Object value) {
        return switch (value) {
            case Enum<?> constant -> constant.name().toLowerCase(Locale.ROOT);
            case Duration duration -> render(duration);
            default -> value.toString();
        };
    }

    private static String render(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        String[] units = {"d", "h", "m", "s"};
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }
}
