package io.tributary.internal.remote;

import io.tributary.BusOptions;
import io.tributary.internal.Transport;

/** {@code tributary://}: a server or cluster, through the client. */
public final class RemoteTransport {

    private RemoteTransport() {
    }

    public static Transport open(String connectionString, BusOptions options) {
        throw new UnsupportedOperationException("tributary:// buses are not available yet");
    }
}
