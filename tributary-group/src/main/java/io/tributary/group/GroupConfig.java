package io.tributary.group;

import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a coordinator. Every setting has a key in {@link #KEYS} with its default beside it.
 *
 * @param sessionTimeout    a member without a heartbeat for this long is removed and its partitions move;
 *                          independent of how long a handler takes, because members heartbeat from a
 *                          thread of their own
 * @param heartbeatInterval how often members heartbeat while nothing moves; less than half the session timeout
 * @param rebalanceTimeout  longest a member may keep a partition after being asked to give it up (it finishes
 *                          the event in hand first); past it the member is removed
 * @param maxGroups         most groups a coordinator keeps (with members or committed offsets)
 * @param maxMembers        most members one group admits
 */
public record GroupConfig(Duration sessionTimeout, Duration heartbeatInterval, Duration rebalanceTimeout, int maxGroups,
        int maxMembers) {

    public static final ConfigKey<Duration> SESSION_TIMEOUT = ConfigKey.duration("tributary.group.session-timeout",
            Duration.ofSeconds(10), "a member without a heartbeat for this long leaves its group; its partitions move");
    public static final ConfigKey<Duration> HEARTBEAT_INTERVAL = ConfigKey.duration("tributary.group.heartbeat-interval",
            Duration.ofSeconds(1), "how often members heartbeat while no partition moves; under half the session timeout");
    public static final ConfigKey<Duration> REBALANCE_TIMEOUT = ConfigKey.duration("tributary.group.rebalance-timeout",
            Duration.ofSeconds(60), "longest a member may keep a partition it was asked to give up; then it is removed");
    public static final ConfigKey<Integer> MAX_GROUPS = ConfigKey.integer("tributary.group.max-groups", 10_000,
            "most consumer groups (with members or committed offsets) a coordinator keeps");
    public static final ConfigKey<Integer> MAX_MEMBERS = ConfigKey.integer("tributary.group.max-members", 1_000,
            "most members one consumer group admits");

    /** Every key of this component, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(SESSION_TIMEOUT, HEARTBEAT_INTERVAL, REBALANCE_TIMEOUT,
            MAX_GROUPS, MAX_MEMBERS);

    public GroupConfig {
        requirePositive(SESSION_TIMEOUT, sessionTimeout);
        requirePositive(HEARTBEAT_INTERVAL, heartbeatInterval);
        requirePositive(REBALANCE_TIMEOUT, rebalanceTimeout);
        if (heartbeatInterval.multipliedBy(2).compareTo(sessionTimeout) > 0) {
            throw new IllegalArgumentException(HEARTBEAT_INTERVAL.name() + " = " + ConfigKey.formatDuration(heartbeatInterval)
                    + " must be at most half of " + SESSION_TIMEOUT.name() + " = " + ConfigKey.formatDuration(sessionTimeout)
                    + ", or one late heartbeat removes a live member; lower the interval or raise the timeout");
        }
        if (maxGroups < 1) {
            throw new IllegalArgumentException(MAX_GROUPS.name() + " must be at least 1, was " + maxGroups);
        }
        if (maxMembers < 1) {
            throw new IllegalArgumentException(MAX_MEMBERS.name() + " must be at least 1, was " + maxMembers);
        }
    }

    /** Every setting at its default. */
    public static GroupConfig defaults() {
        return from(ConfigSource.defaults());
    }

    /** The settings {@code source} gives, defaults for the rest. */
    public static GroupConfig from(ConfigSource source) {
        return new GroupConfig(SESSION_TIMEOUT.resolve(source), HEARTBEAT_INTERVAL.resolve(source),
                REBALANCE_TIMEOUT.resolve(source), MAX_GROUPS.resolve(source), MAX_MEMBERS.resolve(source));
    }

    public GroupConfig withSessionTimeout(Duration value) {
        return new GroupConfig(value, heartbeatInterval, rebalanceTimeout, maxGroups, maxMembers);
    }

    public GroupConfig withHeartbeatInterval(Duration value) {
        return new GroupConfig(sessionTimeout, value, rebalanceTimeout, maxGroups, maxMembers);
    }

    public GroupConfig withRebalanceTimeout(Duration value) {
        return new GroupConfig(sessionTimeout, heartbeatInterval, value, maxGroups, maxMembers);
    }

    public GroupConfig withMaxGroups(int value) {
        return new GroupConfig(sessionTimeout, heartbeatInterval, rebalanceTimeout, value, maxMembers);
    }

    public GroupConfig withMaxMembers(int value) {
        return new GroupConfig(sessionTimeout, heartbeatInterval, rebalanceTimeout, maxGroups, value);
    }

    private static void requirePositive(ConfigKey<Duration> key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key.name() + " must be positive, was " + value);
        }
    }
}
