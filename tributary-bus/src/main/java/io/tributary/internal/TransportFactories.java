package io.tributary.internal;

import io.tributary.BusOptions;
import java.nio.file.Path;

/** Opens the transports that live in their own packages. */
final class TransportFactories {

    private TransportFactories() {
    }

    static Transport embedded(Path directory, BusOptions options) {
        throw new UnsupportedOperationException("file: buses are not available yet");
    }

    static Transport remote(String connectionString, BusOptions options) {
        throw new UnsupportedOperationException("tributary:// buses are not available yet");
    }
}
