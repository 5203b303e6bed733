package io.tributary.cli.client;

import io.tributary.api.config.ConfigKey;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 250ms}, {@code 30s}, {@code 5m}: the duration syntax of every Tributary setting. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        return ConfigKey.parseDuration(text);
    }
}
