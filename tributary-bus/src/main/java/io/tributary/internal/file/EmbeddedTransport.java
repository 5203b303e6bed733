package io.tributary.internal.file;

import io.tributary.BusOptions;
import io.tributary.internal.Transport;
import java.nio.file.Path;

/** {@code file:}: an embedded log in a directory (the broker's storage, no network). */
public final class EmbeddedTransport {

    private EmbeddedTransport() {
    }

    public static Transport open(Path directory, BusOptions options) {
        throw new UnsupportedOperationException("file: buses are not available yet");
    }
}
