package io.tributary.api.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration key with its default, unit and meaning. Components declare their keys as constants
 * beside their config record, and resolve them against a {@link ConfigSource}.
 *
 * @param name         full key, e.g. {@code tributary.log.segment-bytes}
 * @param defaultValue the value when no source sets the key
 * @param unit         unit for the docs table ({@code bytes}, {@code duration}, {@code enum}, ...)
 * @param meaning      one sentence for the docs table
 * @param parser       turns the raw text into a value; throws {@link IllegalArgumentException} when it cannot
 * @param <T>          the value type
 */
public record ConfigKey<T>(String name, T defaultValue, String unit, String meaning, Function<String, T> parser) {

    private static final Pattern NAME = Pattern.compile("tributary(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h|d)?\\s*", Pattern.CASE_INSENSITIVE);

    public ConfigKey {
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key '" + name + "' must look like tributary.<component>.<key>");
        }
    }

    public static ConfigKey<ByteSize> bytes(String name, ByteSize defaultValue, String meaning) {
        return new ConfigKey<>(name, defaultValue, "bytes", meaning, ByteSize::parse);
    }

    public static ConfigKey<Duration> duration(String name, Duration defaultValue, String meaning) {
        return new ConfigKey<>(name, defaultValue, "duration", meaning, ConfigKey::parseDuration);
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, String meaning) {
        return new ConfigKey<>(name, defaultValue, "count", meaning, text -> Integer.parseInt(text.trim()));
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String meaning) {
        return new ConfigKey<>(name, defaultValue, "boolean", meaning, ConfigKey::parseBoolean);
    }

    public static ConfigKey<String> text(String name, String defaultValue, String meaning) {
        return new ConfigKey<>(name, defaultValue, "text", meaning, String::trim);
    }

    public static <E extends Enum<E>> ConfigKey<E> enumerated(String name, E defaultValue, String meaning) {
        Class<E> type = defaultValue.getDeclaringClass();
        return new ConfigKey<>(name, defaultValue, "enum", meaning, text -> parseEnum(type, text));
    }

    /** The value that {@code source} sets, or the default. */
    public T resolve(ConfigSource source) {
        return source.get(name).map(this::parse).orElse(defaultValue);
    }

    /**
     * Parses a raw value of this key.
     *
     * @throws ConfigException naming the key, the text and what was wrong
     */
    public T parse(String text) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value for " + name + " (environment " + ConfigSource.environmentName(name)
                    + "): " + e.getMessage());
        }
    }

    /** The environment variable that overrides this key. */
    public String environmentName() {
        return ConfigSource.environmentName(name);
    }

    /** Reads {@code 250ms}, {@code 30s}, {@code 5m}, {@code 12h}, {@code 7d}; a bare number is milliseconds. */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write a whole number with ms, s, m, h or d, e.g. 250ms, 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** Writes {@code duration} as {@link #parseDuration} reads it, in the largest whole unit: {@code 7d}, {@code 250ms}, {@code 0}. */
    public static String formatDuration(Duration duration) {
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

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + allowed);
    }
}
