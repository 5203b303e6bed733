package io.tributary.client.internal;

import io.tributary.client.ClientOptions;
import io.tributary.protocol.wire.ProtocolLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * What every {@link NodeConnection} of a client shares.
 *
 * @param connectTimeout      longest a TCP connect may take
 * @param maxInFlightRequests most requests outstanding on one connection
 * @param clientId            sent in every request header
 * @param limits              bounds for frames received and sent
 * @param readerThreads       makes the thread that reads a connection's responses (virtual by default)
 */
public record ConnectionSettings(Duration connectTimeout, int maxInFlightRequests, String clientId,
        ProtocolLimits limits, ThreadFactory readerThreads) {

    public ConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(readerThreads, "readerThreads");
        if (maxInFlightRequests < 1) {
            throw new IllegalArgumentException("maxInFlightRequests must be at least 1, was " + maxInFlightRequests);
        }
    }

    /** The settings {@code options} describe, with virtual reader threads. */
    public static ConnectionSettings from(ClientOptions options) {
        return new ConnectionSettings(options.connectTimeout(), options.maxInFlightRequests(), options.clientId(),
                options.protocolLimits(), Thread.ofVirtual().name("tributary-client-reader-", 0).factory());
    }
}
