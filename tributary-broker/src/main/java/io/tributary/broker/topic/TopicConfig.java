package io.tributary.broker.topic;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A topic's settings: its partition count, and the log settings it overrides. Persisted as the
 * string map {@link #toMap()} returns; the same keys are what {@code topic create --config} and
 * {@code topic alter} take.
 *
 * @param partitions     number of partitions, 1 to {@value #MAX_PARTITIONS}
 * @param durability     when an append is acked
 * @param retentionAge   closed segments older than this are deleted; zero keeps forever
 * @param retentionBytes oldest segments are deleted while the rest still hold this much; zero keeps all
 * @param segmentBytes   size at which a partition's active segment rolls
 * @param autoCreated    whether the broker created the topic on first produce
 */
public record TopicConfig(int partitions, Durability durability, Duration retentionAge, ByteSize retentionBytes,
        ByteSize segmentBytes, boolean autoCreated) {

    /** Most partitions a topic may have. */
    public static final int MAX_PARTITIONS = 1000;

    public static final String PARTITIONS = "partitions";
    public static final String DURABILITY = "durability";
    public static final String RETENTION_AGE = "retention-age";
    public static final String RETENTION_BYTES = "retention-bytes";
    public static final String SEGMENT_BYTES = "segment-bytes";
    public static final String AUTO_CREATED = "auto-created";

    /** The settings {@code topic alter} may change on an existing topic. */
    public static final Set<String> ALTERABLE = Set.of(DURABILITY, RETENTION_AGE, RETENTION_BYTES, SEGMENT_BYTES);

    public TopicConfig {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("a topic has 1 to " + MAX_PARTITIONS + " partitions, not " + partitions);
        }
        // The log's own checks name the log keys; run them here so a bad topic setting fails on create.
        LogConfig.defaults().withDurability(durability).withRetention(retentionAge, retentionBytes)
                .withSegmentBytes(segmentBytes);
    }

    /** A topic with {@code partitions} partitions and the broker's log defaults for the rest. */
    public static TopicConfig withDefaults(int partitions, LogConfig defaults) {
        return new TopicConfig(partitions, defaults.durability(), defaults.retentionAge(), defaults.retentionBytes(),
                defaults.segmentBytes(), false);
    }

    /**
     * Reads settings written by {@link #toMap()} or given by a user; keys not in {@code settings}
     * keep this config's values.
     *
     * @throws IllegalArgumentException naming an unknown key or a bad value
     */
    public TopicConfig with(Map<String, String> settings) {
        int newPartitions = partitions;
        Durability newDurability = durability;
        Duration newRetentionAge = retentionAge;
        ByteSize newRetentionBytes = retentionBytes;
        ByteSize newSegmentBytes = segmentBytes;
        boolean newAutoCreated = autoCreated;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String value = setting.getValue().trim();
            switch (setting.getKey()) {
                case PARTITIONS -> newPartitions = parseInt(PARTITIONS, value);
                case DURABILITY -> newDurability = LogConfig.DURABILITY.parse(value);
                case RETENTION_AGE -> newRetentionAge = LogConfig.RETENTION_AGE.parse(value);
                case RETENTION_BYTES -> newRetentionBytes = LogConfig.RETENTION_BYTES.parse(value);
                case SEGMENT_BYTES -> newSegmentBytes = LogConfig.SEGMENT_BYTES.parse(value);
                case AUTO_CREATED -> newAutoCreated = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("unknown topic setting '" + setting.getKey() + "'; known: "
                        + String.join(", ", PARTITIONS, DURABILITY, RETENTION_AGE, RETENTION_BYTES, SEGMENT_BYTES));
            }
        }
        return new TopicConfig(newPartitions, newDurability, newRetentionAge, newRetentionBytes, newSegmentBytes,
                newAutoCreated);
    }

    /** The broker-wide log settings with this topic's overrides. */
    public LogConfig applyTo(LogConfig defaults) {
        return defaults.withDurability(durability).withRetention(retentionAge, retentionBytes).withSegmentBytes(segmentBytes);
    }

    /** The settings as strings, in a stable order (what {@code topic.properties} holds). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(PARTITIONS, Integer.toString(partitions));
        map.put(DURABILITY, durability.name().toLowerCase(Locale.ROOT));
        map.put(RETENTION_AGE, ConfigKey.formatDuration(retentionAge));
        map.put(RETENTION_BYTES, retentionBytes.toString());
        map.put(SEGMENT_BYTES, segmentBytes.toString());
        map.put(AUTO_CREATED, Boolean.toString(autoCreated));
        return map;
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }
}
