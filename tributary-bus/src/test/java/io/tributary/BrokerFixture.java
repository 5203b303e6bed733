package io.tributary;

import io.tributary.api.config.ConfigSource;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real broker in this process on loopback ports chosen at run time (port 0), for tests of
 * {@code tributary://} buses. Close it in the test's tear-down.
 */
final class BrokerFixture implements AutoCloseable {

    private final Broker broker;

    private BrokerFixture(Broker broker) {
        this.broker = broker;
    }

    /** A broker with default settings in {@code dataDirectory}. */
    static BrokerFixture start(Path dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /** A broker with {@code settings} ({@code tributary.broker.*}, {@code tributary.log.*}) over the defaults. */
    static BrokerFixture start(Path dataDirectory, Map<String, String> settings) {
        BrokerConfig config = BrokerConfig.from(ConfigSource.of(settings)).withDataDirectory(dataDirectory).withPort(0)
                .withHttpPort(0);
        return new BrokerFixture(Broker.start(config));
    }

    /** {@code tributary://host:port}. */
    String url() {
        InetSocketAddress address = broker.address();
        return "tributary://" + address.getHostString() + ":" + address.getPort();
    }

    /** {@code tributary://clusterId@host:port}. */
    String url(String clusterId) {
        return url().replace("tributary://", "tributary://" + clusterId + "@");
    }

    String clusterId() {
        return broker.clusterId();
    }

    @Override
    public void close() {
        broker.close();
    }
}
