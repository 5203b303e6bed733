package io.tributary;

import io.tributary.api.TopicName;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Bus}. Every setting has a key in {@link #KEYS} with its default beside it; URLs
 * carry the same settings as query parameters without the {@code tributary.bus.} prefix
 * ({@code mem:?workers=4&partitions=8}).
 *
 * @param defaultTopic      the topic {@link Bus#emit} publishes to
 * @param workers           threads that run handlers, shared by every subscription of the bus
 * @param partitions        partitions of a topic the bus creates: every topic of {@code mem:} and
 *                          {@code file:}; on {@code tributary://} a topic the server does not have yet
 * @param partitionCapacity {@code mem:} only: most events a partition holds that a subscriber has not
 *                          handled yet; the oldest handled events make room for new ones
 * @param whenFull          {@code mem:} only: what a publish does when a partition is at capacity
 * @param maxBlock          {@code mem:} only: with {@link WhenFull#BLOCK}, longest a publish waits
 * @param closeTimeout      longest {@link Bus#close()} waits for handlers and publishes in flight
 */
public record BusOptions(String defaultTopic, int workers, int partitions, int partitionCapacity, WhenFull whenFull,
        Duration maxBlock, Duration closeTimeout) {

    /** What a publish to a full in-memory partition does. */
    public enum WhenFull {
        /** Wait for a subscriber to make room, up to {@code maxBlock}, then throw {@link BusFullException}. */
        BLOCK,
        /** Throw {@link BusFullException} at once. */
        FAIL
    }

    public static final ConfigKey<String> DEFAULT_TOPIC = ConfigKey.text("tributary.bus.default-topic", "events",
            "the topic emit(type, data) publishes to");
    public static final ConfigKey<Integer> WORKERS = ConfigKey.integer("tributary.bus.workers", 8,
            "threads that run handlers, shared by the bus's subscriptions");
    public static final ConfigKey<Integer> PARTITIONS = ConfigKey.integer("tributary.bus.partitions", 1,
            "partitions of a topic the bus creates (every topic of mem: and file:, a missing one on tributary://)");
    public static final ConfigKey<Integer> PARTITION_CAPACITY = ConfigKey.integer("tributary.bus.partition-capacity",
            65_536, "mem: most events per partition not yet handled by every subscriber");
    public static final ConfigKey<WhenFull> WHEN_FULL = ConfigKey.enumerated("tributary.bus.when-full", WhenFull.BLOCK,
            "mem: block (wait up to max-block) or fail a publish to a full partition");
    public static final ConfigKey<Duration> MAX_BLOCK = ConfigKey.duration("tributary.bus.max-block",
            Duration.ofSeconds(10), "mem: longest a publish waits for room");
    public static final ConfigKey<Duration> CLOSE_TIMEOUT = ConfigKey.duration("tributary.bus.close-timeout",
            Duration.ofSeconds(30), "longest close() waits for handlers and publishes in flight");

    /** Every bus key, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(DEFAULT_TOPIC, WORKERS, PARTITIONS, PARTITION_CAPACITY,
            WHEN_FULL, MAX_BLOCK, CLOSE_TIMEOUT);

    public BusOptions {
        TopicName.of(defaultTopic);
        Objects.requireNonNull(whenFull, WHEN_FULL.name());
        requireAtLeastOne(WORKERS, workers);
        requireAtLeastOne(PARTITIONS, partitions);
        requireAtLeastOne(PARTITION_CAPACITY, partitionCapacity);
        if (maxBlock.isNegative()) {
            throw new IllegalArgumentException(MAX_BLOCK.name() + " cannot be negative, was " + maxBlock);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException(CLOSE_TIMEOUT.name() + " cannot be negative, was " + closeTimeout);
        }
    }

    /** Every setting at its default. */
    public static BusOptions defaults() {
        return from(ConfigSource.defaults());
    }

    /** The settings {@code source} gives, defaults for the rest. */
    public static BusOptions from(ConfigSource source) {
        return new BusOptions(DEFAULT_TOPIC.resolve(source), WORKERS.resolve(source), PARTITIONS.resolve(source),
                PARTITION_CAPACITY.resolve(source), WHEN_FULL.resolve(source), MAX_BLOCK.resolve(source),
                CLOSE_TIMEOUT.resolve(source));
    }

    public BusOptions withDefaultTopic(String value) {
        return new BusOptions(value, workers, partitions, partitionCapacity, whenFull, maxBlock, closeTimeout);
    }

    public BusOptions withWorkers(int value) {
        return new BusOptions(defaultTopic, value, partitions, partitionCapacity, whenFull, maxBlock, closeTimeout);
    }

    public BusOptions withPartitions(int value) {
        return new BusOptions(defaultTopic, workers, value, partitionCapacity, whenFull, maxBlock, closeTimeout);
    }

    public BusOptions withPartitionCapacity(int value) {
        return new BusOptions(defaultTopic, workers, partitions, value, whenFull, maxBlock, closeTimeout);
    }

    public BusOptions withWhenFull(WhenFull value) {
        return new BusOptions(defaultTopic, workers, partitions, partitionCapacity, value, maxBlock, closeTimeout);
    }

    public BusOptions withMaxBlock(Duration value) {
        return new BusOptions(defaultTopic, workers, partitions, partitionCapacity, whenFull, value, closeTimeout);
    }

    public BusOptions withCloseTimeout(Duration value) {
        return new BusOptions(defaultTopic, workers, partitions, partitionCapacity, whenFull, maxBlock, value);
    }

    private static void requireAtLeastOne(ConfigKey<Integer> key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key.name() + " must be at least 1, was " + value);
        }
    }
}
