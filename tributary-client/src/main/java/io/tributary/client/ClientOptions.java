package io.tributary.client;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import io.tributary.protocol.wire.ProtocolLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link TributaryClient}. Every setting has a key in {@link #KEYS} with its default
 * beside it; {@link #defaults()} is what {@link TributaryClient#connect(String)} uses.
 *
 * @param callTimeout         longest a call may take, retries and failover included; a read's wait is
 *                            added on top
 * @param connectTimeout      longest a TCP connect to one node may take
 * @param shuffleNodes        whether to try the connection string's nodes in random order (spreads
 *                            clients over the nodes) instead of the order given
 * @param maxInFlightRequests most requests outstanding on one connection; a call beyond it waits for
 *                            room (within its timeout)
 * @param clientId            name sent with every request, for the broker's logs and metrics
 * @param fetchMaxBytes       most record bytes one read asks for (a first batch larger than this still comes whole)
 * @param maxFrameBytes       largest response frame accepted, and largest request sent
 */
public record ClientOptions(Duration callTimeout, Duration connectTimeout, boolean shuffleNodes,
        int maxInFlightRequests, String clientId, ByteSize fetchMaxBytes, ByteSize maxFrameBytes) {

    public static final ConfigKey<Duration> CALL_TIMEOUT = ConfigKey.duration("tributary.client.call-timeout",
            Duration.ofSeconds(15), "longest a call may take, retries and failover included (a read's wait comes on top)");
    public static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("tributary.client.connect-timeout",
            Duration.ofSeconds(5), "longest a TCP connect to one node may take");
    public static final ConfigKey<Boolean> SHUFFLE_NODES = ConfigKey.bool("tributary.client.shuffle-nodes", false,
            "try the connection string's nodes in random order instead of the order given");
    public static final ConfigKey<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigKey.integer(
            "tributary.client.max-in-flight-requests", 256, "most requests outstanding on one connection");
    public static final ConfigKey<String> CLIENT_ID = ConfigKey.text("tributary.client.client-id", "tributary-java",
            "name sent with every request, for the broker's logs and metrics");
    public static final ConfigKey<ByteSize> FETCH_MAX_BYTES = ConfigKey.bytes("tributary.client.fetch-max-bytes",
            ByteSize.ofMebibytes(1), "most record bytes one read asks for");
    public static final ConfigKey<ByteSize> MAX_FRAME_BYTES = ConfigKey.bytes("tributary.client.max-frame-bytes",
            ByteSize.ofBytes(ProtocolLimits.DEFAULT_MAX_FRAME_BYTES), "largest frame received or sent");

    /** Every client key, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(CALL_TIMEOUT, CONNECT_TIMEOUT, SHUFFLE_NODES,
            MAX_IN_FLIGHT_REQUESTS, CLIENT_ID, FETCH_MAX_BYTES, MAX_FRAME_BYTES);

    public ClientOptions {
        requirePositive(CALL_TIMEOUT, callTimeout);
        requirePositive(CONNECT_TIMEOUT, connectTimeout);
        Objects.requireNonNull(clientId, "clientId");
        if (maxInFlightRequests < 1) {
            throw new IllegalArgumentException(MAX_IN_FLIGHT_REQUESTS.name() + " must be at least 1, was "
                    + maxInFlightRequests);
        }
        if (fetchMaxBytes.bytes() < 1 || fetchMaxBytes.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(FETCH_MAX_BYTES.name() + " must be between 1B and 2GiB, was "
                    + fetchMaxBytes);
        }
        if (maxFrameBytes.bytes() < ProtocolLimits.MIN_FRAME_BYTES || maxFrameBytes.bytes() > ProtocolLimits.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(MAX_FRAME_BYTES.name() + " must be between "
                    + ByteSize.ofBytes(ProtocolLimits.MIN_FRAME_BYTES) + " and 2GiB, was " + maxFrameBytes);
        }
    }

    /** Every setting at its default. */
    public static ClientOptions defaults() {
        return from(ConfigSource.defaults());
    }

    /** The settings {@code source} gives, defaults for the rest. */
    public static ClientOptions from(ConfigSource source) {
        return new ClientOptions(CALL_TIMEOUT.resolve(source), CONNECT_TIMEOUT.resolve(source),
                SHUFFLE_NODES.resolve(source), MAX_IN_FLIGHT_REQUESTS.resolve(source), CLIENT_ID.resolve(source),
                FETCH_MAX_BYTES.resolve(source), MAX_FRAME_BYTES.resolve(source));
    }

    public ClientOptions withCallTimeout(Duration value) {
        return new ClientOptions(value, connectTimeout, shuffleNodes, maxInFlightRequests, clientId, fetchMaxBytes,
                maxFrameBytes);
    }

    public ClientOptions withConnectTimeout(Duration value) {
        return new ClientOptions(callTimeout, value, shuffleNodes, maxInFlightRequests, clientId, fetchMaxBytes,
                maxFrameBytes);
    }

    public ClientOptions withShuffleNodes(boolean value) {
        return new ClientOptions(callTimeout, connectTimeout, value, maxInFlightRequests, clientId, fetchMaxBytes,
                maxFrameBytes);
    }

    public ClientOptions withMaxInFlightRequests(int value) {
        return new ClientOptions(callTimeout, connectTimeout, shuffleNodes, value, clientId, fetchMaxBytes,
                maxFrameBytes);
    }

    public ClientOptions withClientId(String value) {
        return new ClientOptions(callTimeout, connectTimeout, shuffleNodes, maxInFlightRequests, value, fetchMaxBytes,
                maxFrameBytes);
    }

    public ClientOptions withFetchMaxBytes(ByteSize value) {
        return new ClientOptions(callTimeout, connectTimeout, shuffleNodes, maxInFlightRequests, clientId, value,
                maxFrameBytes);
    }

    public ClientOptions withMaxFrameBytes(ByteSize value) {
        return new ClientOptions(callTimeout, connectTimeout, shuffleNodes, maxInFlightRequests, clientId, fetchMaxBytes,
                value);
    }

    /** The protocol limits these settings imply. */
    public ProtocolLimits protocolLimits() {
        return ProtocolLimits.DEFAULT.withMaxFrameBytes(maxFrameBytes.toIntExact());
    }

    static void requirePositive(ConfigKey<Duration> key, Duration value) {
        Objects.requireNonNull(value, key.name());
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key.name() + " must be positive, was " + value);
        }
    }
}
