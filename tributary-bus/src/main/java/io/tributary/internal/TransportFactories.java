package io.tributary.internal;

import io.tributary.BusOptions;
import io.tributary.internal.file.EmbeddedTransport;
import io.tributary.internal.remote.RemoteTransport;
import java.nio.file.Path;

/** Opens the transports that live in their own packages. */
final class TransportFactories {

    private TransportFactories() {
    }

    static Transport embedded(Path directory, BusOptions options) {
        return EmbeddedTransport.open(directory, options);
    }

    static Transport remote(String connectionString, BusOptions options) {
        return RemoteTransport.open(connectionString, options);
    }
}
