package io.tributary.cli;

import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.group.GroupConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A broker in the test JVM on free loopback ports, with a short group session so that tests of lost members
 * wait seconds, not the default 10 s ({@link BrokerConfig#group()}: the {@code tributary.group.*} keys of
 * {@code tributary server}).
 */
public final class GroupBroker implements AutoCloseable {

    private final Broker broker;

    private GroupBroker(Broker broker) {
        this.broker = broker;
    }

    /**
     * @param sessionTimeout    {@code tributary.group.session-timeout}
     * @param heartbeatInterval {@code tributary.group.heartbeat-interval}, at most half of it
     */
    public static GroupBroker start(Path data, Duration sessionTimeout, Duration heartbeatInterval) {
        GroupConfig groups = GroupConfig.defaults().withHeartbeatInterval(heartbeatInterval)
                .withSessionTimeout(sessionTimeout);
        return new GroupBroker(Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0).withGroup(groups)));
    }

    /** The default session (10 s): for tests where no member is lost. */
    public static GroupBroker start(Path data) {
        return start(data, GroupConfig.SESSION_TIMEOUT.defaultValue(), GroupConfig.HEARTBEAT_INTERVAL.defaultValue());
    }

    /** {@code tributary://127.0.0.1:<port>}. */
    public String url() {
        return "tributary://127.0.0.1:" + broker.address().getPort();
    }

    @Override
    public void close() {
        broker.close();
    }
}
