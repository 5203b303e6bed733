package io.tributary.client;

import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real broker on loopback ports chosen at run time, for tests that talk to one. Close it in the test's
 * tear-down; {@link #restart()} reopens the same data directory on the same port.
 */
public final class RunningBroker implements AutoCloseable {

    private final BrokerConfig config;
    private final InetSocketAddress address;
    private Broker broker;

    private RunningBroker(BrokerConfig config) {
        this.config = config;
        this.broker = Broker.start(config);
        this.address = broker.address();
    }

    /** A broker with default settings (auto-create on) in {@code dataDirectory}. */
    public static RunningBroker start(Path dataDirectory) {
        return start(dataDirectory, UnaryOperator.identity());
    }

    /** A broker whose default settings {@code configure} changes. */
    public static RunningBroker start(Path dataDirectory, UnaryOperator<BrokerConfig> configure) {
        return new RunningBroker(configure.apply(BrokerConfig.defaults(dataDirectory).withPort(0).withHttpPort(0)));
    }

    public InetSocketAddress address() {
        return address;
    }

    public NodeAddress node() {
        return new NodeAddress(address().getHostString(), address().getPort());
    }

    public String clusterId() {
        return broker.clusterId();
    }

    /** {@code tributary://host:port}. */
    public String url() {
        return ConnectionString.SCHEME + node();
    }

    /** Stops the broker; {@link #restart()} brings it back. */
    public void stop() {
        broker.close();
    }

    /** Starts the broker again on the same data directory and port. */
    public void restart() {
        broker = Broker.start(config.withPort(node().port()));
    }

    @Override
    public void close() {
        broker.close();
    }
}
