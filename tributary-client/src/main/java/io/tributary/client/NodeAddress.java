package io.tributary.client;

import java.util.Objects;

/**
 * Where a node listens for the binary protocol: a host name or IP literal and a TCP port. An IPv6
 * literal is kept without brackets and printed with them ({@code [::1]:7650}).
 *
 * @param host host name or IP literal, never empty
 * @param port 1 to 65535
 */
public record NodeAddress(String host, int port) {

    public NodeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a node address needs a host, e.g. localhost:7650");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is outside 1 to 65535");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
