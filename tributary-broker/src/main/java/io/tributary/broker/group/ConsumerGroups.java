package io.tributary.broker.group;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.topic.InternalTopics;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.TopicConfig;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.coordinator.LocalGroupCoordinator;
import io.tributary.log.LogConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Opens the broker's consumer groups: the internal topic {@code __consumer_offsets} (created on first open),
 * the {@link LogOffsetStore} over it and the coordinator over the broker's topics.
 */
public final class ConsumerGroups {

    /** Largest segment of {@code __consumer_offsets}; a smaller {@code tributary.log.segment-bytes} wins. */
    public static final ByteSize MAX_SEGMENT_BYTES = ByteSize.ofMebibytes(16);

    private ConsumerGroups() {
    }

    /**
     * The broker's coordinator: a {@link LocalGroupCoordinator} with {@code config.group()} over the topics of
     * {@code topics}, its committed offsets loaded from {@code __consumer_offsets} (created if absent). Call
     * it once the topics are open; it blocks while the offsets are replayed.
     *
     * @param clock      the coordinator's time (heartbeats, session and rebalance timeouts) and the records'
     * @param background where segments of {@code __consumer_offsets} are deleted after a snapshot
     * @throws CorruptOffsetsException if a record of {@code __consumer_offsets} does not parse
     */
    public static LocalGroupCoordinator open(TopicRegistry topics, BrokerConfig config, InstantSource clock,
            Executor background) {
        LogOffsetStore store = openStore(topics, config.log(), clock, background);
        return new LocalGroupCoordinator(config.group(), new RegistryTopicCatalog(topics), store, clock);
    }

    /**
     * The store of committed offsets over {@code __consumer_offsets}, creating the topic if absent: one
     * partition, kept whatever its age and size (retention-age 0, retention-bytes 0), segments of
     * {@link #MAX_SEGMENT_BYTES} (or the broker's smaller {@code tributary.log.segment-bytes}), the broker's
     * default durability. A topic that exists keeps the settings it has.
     */
    static LogOffsetStore openStore(TopicRegistry topics, LogConfig logDefaults, InstantSource clock, Executor background) {
        Topic topic = topics.find(InternalTopics.CONSUMER_OFFSETS)
                .orElseGet(() -> topics.create(InternalTopics.CONSUMER_OFFSETS, 1, settings(logDefaults)));
        return new LogOffsetStore(topic.partition(0), topic.config().segmentBytes().bytes(),
                (int) Math.min(Integer.MAX_VALUE, logDefaults.maxBatchBytes().bytes()), clock, background);
    }

    private static Map<String, String> settings(LogConfig logDefaults) {
        long segmentBytes = Math.min(MAX_SEGMENT_BYTES.bytes(), logDefaults.segmentBytes().bytes());
        return Map.of(TopicConfig.RETENTION_AGE, ConfigKey.formatDuration(Duration.ZERO),
                TopicConfig.RETENTION_BYTES, ByteSize.ofBytes(0).toString(),
                TopicConfig.SEGMENT_BYTES, ByteSize.ofBytes(segmentBytes).toString());
    }
}
