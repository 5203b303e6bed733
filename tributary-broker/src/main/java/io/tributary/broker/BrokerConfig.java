package io.tributary.broker;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import io.tributary.group.GroupConfig;
import io.tributary.log.LogConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings of one broker. Every setting has a key in {@link #KEYS} with its default beside it; the
 * log settings in {@link #log()} are the defaults that each topic may override, and the consumer-group
 * settings in {@link #group()} ({@code tributary.group.*}, keys in {@link GroupConfig#KEYS}) are the
 * broker's coordinator's.
 *
 * @param dataDirectory        where topics, partitions and the cluster id live
 * @param host                 address both listeners bind to and that metadata advertises
 * @param port                 binary protocol port; 0 picks a free one
 * @param httpPort             HTTP API port; 0 picks a free one
 * @param clusterId            the id this broker must have; empty to generate one on first start
 * @param autoCreateTopics     whether producing to an unknown topic creates it
 * @param autoCreatePartitions partitions of an auto-created topic
 * @param maxRecordBytes       largest record (key, value and headers) a producer may send
 * @param maxRequestBytes      largest request frame
 * @param maxHeaders           most headers on one record
 * @param maxConnections       most open client connections (binary protocol)
 * @param requestMemory        bytes of requests read but not yet handled, over all connections; readers wait beyond it
 * @param log                  log settings of new topics
 * @param group                settings of the broker's consumer-group coordinator
 */
public record BrokerConfig(Path dataDirectory, String host, int port, int httpPort, Optional<String> clusterId,
        boolean autoCreateTopics, int autoCreatePartitions, ByteSize maxRecordBytes, ByteSize maxRequestBytes,
        int maxHeaders, int maxConnections, ByteSize requestMemory, LogConfig log, GroupConfig group) {

    public static final ConfigKey<String> DATA_DIR = ConfigKey.text("tributary.broker.data-dir", "tributary-data",
            "where topics, partitions and the cluster id live");
    public static final ConfigKey<String> HOST = ConfigKey.text("tributary.broker.host", "127.0.0.1",
            "address the listeners bind to and metadata advertises; 0.0.0.0 listens on every interface");
    public static final ConfigKey<Integer> PORT = ConfigKey.integer("tributary.broker.port", 7650,
            "binary protocol port; 0 picks a free one");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.integer("tributary.broker.http-port", 7651,
            "HTTP API port; 0 picks a free one");
    public static final ConfigKey<String> CLUSTER_ID = ConfigKey.text("tributary.broker.cluster-id", "",
            "the cluster id this data directory must have; empty generates one on first start");
    public static final ConfigKey<Boolean> AUTO_CREATE_TOPICS = ConfigKey.bool("tributary.broker.auto-create-topics",
            true, "whether producing to an unknown topic creates it");
    public static final ConfigKey<Integer> AUTO_CREATE_PARTITIONS = ConfigKey.integer(
            "tributary.broker.auto-create-partitions", 1, "partitions of an auto-created topic");
    public static final ConfigKey<ByteSize> MAX_RECORD_BYTES = ConfigKey.bytes("tributary.broker.max-record-bytes",
            ByteSize.ofMebibytes(1), "largest record (key, value and headers) a producer may send");
    public static final ConfigKey<ByteSize> MAX_REQUEST_BYTES = ConfigKey.bytes("tributary.broker.max-request-bytes",
            ByteSize.ofMebibytes(8), "largest request; a larger one is answered REQUEST_TOO_LARGE (HTTP 413); a binary frame beyond this plus 64KiB "
                    + "(or tributary.log.max-batch-bytes plus 64KiB, if larger) closes the connection");
    public static final ConfigKey<Integer> MAX_HEADERS = ConfigKey.integer("tributary.broker.max-headers", 64,
            "most headers on one record; checked on every produced batch");
    public static final ConfigKey<Integer> MAX_CONNECTIONS = ConfigKey.integer("tributary.broker.max-connections", 1000,
            "most open client connections; more are answered TOO_MANY_CONNECTIONS and closed");
    public static final ConfigKey<ByteSize> REQUEST_MEMORY = ConfigKey.bytes("tributary.broker.request-memory",
            ByteSize.ofMebibytes(256), "bytes of requests read but not yet handled, over all connections");

    /** Every broker key, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(DATA_DIR, HOST, PORT, HTTP_PORT, CLUSTER_ID,
            AUTO_CREATE_TOPICS, AUTO_CREATE_PARTITIONS, MAX_RECORD_BYTES, MAX_REQUEST_BYTES, MAX_HEADERS,
            MAX_CONNECTIONS, REQUEST_MEMORY);

    public BrokerConfig {
        clusterId = clusterId.filter(id -> !id.isBlank());
        requirePort(PORT, port);
        requirePort(HTTP_PORT, httpPort);
        requireAtLeast(AUTO_CREATE_PARTITIONS, autoCreatePartitions, 1);
        requireAtLeast(MAX_HEADERS, maxHeaders, 0);
        requireAtLeast(MAX_CONNECTIONS, maxConnections, 1);
        if (maxRequestBytes.bytes() < 1024 || maxRequestBytes.bytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(MAX_REQUEST_BYTES.name() + " must be between 1KiB and 2GiB, was "
                    + maxRequestBytes);
        }
        if (maxRecordBytes.bytes() < 1 || maxRecordBytes.bytes() > maxRequestBytes.bytes()) {
            throw new IllegalArgumentException(MAX_RECORD_BYTES.name() + " = " + maxRecordBytes + " must be between 1B and "
                    + MAX_REQUEST_BYTES.name() + " = " + maxRequestBytes);
        }
        if (requestMemory.bytes() < maxRequestBytes.bytes()) {
            throw new IllegalArgumentException(REQUEST_MEMORY.name() + " = " + requestMemory + " must hold at least one "
                    + "request of " + MAX_REQUEST_BYTES.name() + " = " + maxRequestBytes);
        }
    }

    /** The defaults, with data in {@code dataDirectory}. */
    public static BrokerConfig defaults(Path dataDirectory) {
        return from(ConfigSource.defaults()).withDataDirectory(dataDirectory);
    }

    /**
     * The settings {@code source} gives ({@code tributary.broker.*}, {@code tributary.log.*} and
     * {@code tributary.group.*}), defaults for the rest.
     */
    public static BrokerConfig from(ConfigSource source) {
        return new BrokerConfig(Path.of(DATA_DIR.resolve(source)), HOST.resolve(source), PORT.resolve(source),
                HTTP_PORT.resolve(source), Optional.of(CLUSTER_ID.resolve(source)), AUTO_CREATE_TOPICS.resolve(source),
                AUTO_CREATE_PARTITIONS.resolve(source), MAX_RECORD_BYTES.resolve(source), MAX_REQUEST_BYTES.resolve(source),
                MAX_HEADERS.resolve(source), MAX_CONNECTIONS.resolve(source), REQUEST_MEMORY.resolve(source),
                LogConfig.from(source), GroupConfig.from(source));
    }

    public BrokerConfig withDataDirectory(Path value) {
        return new BrokerConfig(value, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withHost(String value) {
        return new BrokerConfig(dataDirectory, value, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withPort(int value) {
        return new BrokerConfig(dataDirectory, host, value, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withHttpPort(int value) {
        return new BrokerConfig(dataDirectory, host, port, value, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withClusterId(String value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, Optional.of(value), autoCreateTopics,
                autoCreatePartitions, maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log,
                group);
    }

    public BrokerConfig withAutoCreateTopics(boolean value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, value, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withMaxRecordBytes(ByteSize value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                value, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withMaxRequestBytes(ByteSize value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, value, maxHeaders, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withMaxHeaders(int value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, value, maxConnections, requestMemory, log, group);
    }

    public BrokerConfig withMaxConnections(int value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, value, requestMemory, log, group);
    }

    public BrokerConfig withLog(LogConfig value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, value, group);
    }

    public BrokerConfig withGroup(GroupConfig value) {
        return new BrokerConfig(dataDirectory, host, port, httpPort, clusterId, autoCreateTopics, autoCreatePartitions,
                maxRecordBytes, maxRequestBytes, maxHeaders, maxConnections, requestMemory, log, value);
    }

    private static void requirePort(ConfigKey<Integer> key, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(key.name() + " must be 0 to 65535, was " + port);
        }
    }

    private static void requireAtLeast(ConfigKey<Integer> key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key.name() + " must be at least " + minimum + ", was " + value);
        }
    }
}
