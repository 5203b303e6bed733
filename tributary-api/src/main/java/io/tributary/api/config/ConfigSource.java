package io.tributary.api.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the raw string value of a configuration key, or nothing. Sources are layered with
 * {@link #orElse(ConfigSource)}: {@code flags.orElse(environment()).orElse(file)}.
 */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value of {@code key} (e.g. {@code tributary.log.segment-bytes}), if this source sets it. */
    Optional<String> get(String key);

    /** This source first, then {@code lower} for keys this one does not set. */
    default ConfigSource orElse(ConfigSource lower) {
        return key -> get(key).or(() -> lower.get(key));
    }

    /** A source that sets nothing: every key takes its default. */
    static ConfigSource defaults() {
        return key -> Optional.empty();
    }

    /** Values from a map keyed by full key names. */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /**
     * The process environment: {@code tributary.log.segment-bytes} is read from
     * {@code TRIBUTARY_LOG_SEGMENT_BYTES}.
     */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /** Like {@link #environment()}, over the given variables (for tests). */
    static ConfigSource environment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return key -> Optional.ofNullable(copy.get(environmentName(key)));
    }

    /** The environment variable that overrides {@code key}. */
    static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
