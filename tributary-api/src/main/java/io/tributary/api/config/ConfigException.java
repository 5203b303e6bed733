package io.tributary.api.config;

import io.tributary.api.TributaryException;

/** A configuration value that cannot be parsed or is out of range; the message names the key. */
public final class ConfigException extends TributaryException {

    public ConfigException(String message) {
        super(message);
    }
}
