package io.tributary.log;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one partition log. Every setting has a key in {@link #KEYS}, with its default beside it.
 *
 * @param durability          when an append counts as committed
 * @param flushInterval       in {@link Durability#INTERVAL} mode, the longest time between fsyncs
 * @param segmentBytes        roll to a new segment when the active one would exceed this size
 * @param segmentAge          roll when the active segment's first batch is older than this
 * @param retentionAge        delete a closed segment when its newest record is older than this; zero keeps forever
 * @param retentionBytes      delete the oldest closed segments while the log is larger than this; zero keeps all
 * @param indexIntervalBytes  bytes of batches between two entries of the sparse offset index
 * @param maxBatchBytes       largest batch an append accepts
 * @param verifyOnOpen        how much of the log is checksummed when it opens
 * @param maxReadWaiters      most reads that may wait for new records at once
 */
public record LogConfig(
        Durability durability,
        Duration flushInterval,
        ByteSize segmentBytes,
        Duration segmentAge,
        Duration retentionAge,
        ByteSize retentionBytes,
        ByteSize indexIntervalBytes,
        ByteSize maxBatchBytes,
        VerifyOnOpen verifyOnOpen,
        int maxReadWaiters) {

    /** How much of the log recovery checks when the log opens. */
    public enum VerifyOnOpen {
        /** Checksum every batch of every segment: corruption anywhere stops the open. */
        FULL,
        /** Checksum only the last segment; older segments' headers are walked, corruption in them shows on read. */
        TAIL
    }

    public static final ConfigKey<Durability> DURABILITY = ConfigKey.enumerated("tributary.log.durability",
            Durability.FSYNC, "when an append is acked: fsync (on stable storage), interval, or os (page cache)");
    public static final ConfigKey<Duration> FLUSH_INTERVAL = ConfigKey.duration("tributary.log.flush-interval",
            Duration.ofSeconds(1), "in interval mode, the longest time between two fsyncs");
    public static final ConfigKey<ByteSize> SEGMENT_BYTES = ConfigKey.bytes("tributary.log.segment-bytes",
            ByteSize.ofGibibytes(1), "size at which the active segment rolls");
    public static final ConfigKey<Duration> SEGMENT_AGE = ConfigKey.duration("tributary.log.segment-age",
            Duration.ofDays(7), "age of its first batch at which the active segment rolls");
    public static final ConfigKey<Duration> RETENTION_AGE = ConfigKey.duration("tributary.log.retention-age",
            Duration.ofDays(7), "closed segments whose newest record is older are deleted; 0 keeps forever");
    public static final ConfigKey<ByteSize> RETENTION_BYTES = ConfigKey.bytes("tributary.log.retention-bytes",
            ByteSize.ofBytes(0), "oldest closed segments are deleted while the log without them still holds this much; 0 keeps all");
    public static final ConfigKey<ByteSize> INDEX_INTERVAL_BYTES = ConfigKey.bytes("tributary.log.index-interval-bytes",
            ByteSize.ofKibibytes(4), "bytes of batches between two entries of the sparse offset index");
    public static final ConfigKey<ByteSize> MAX_BATCH_BYTES = ConfigKey.bytes("tributary.log.max-batch-bytes",
            ByteSize.ofMebibytes(8), "largest batch an append accepts");
    public static final ConfigKey<VerifyOnOpen> VERIFY_ON_OPEN = ConfigKey.enumerated("tributary.log.verify-on-open",
            VerifyOnOpen.FULL, "full: checksum every batch on open; tail: only the last segment");
    public static final ConfigKey<Integer> MAX_READ_WAITERS = ConfigKey.integer("tributary.log.max-read-waiters",
            1024, "most reads that may wait for new records at once");

    /** Every key of this component, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(DURABILITY, FLUSH_INTERVAL, SEGMENT_BYTES, SEGMENT_AGE,
            RETENTION_AGE, RETENTION_BYTES, INDEX_INTERVAL_BYTES, MAX_BATCH_BYTES, VERIFY_ON_OPEN, MAX_READ_WAITERS);

    public LogConfig {
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(verifyOnOpen, "verifyOnOpen");
        requirePositive(FLUSH_INTERVAL, flushInterval);
        requirePositive(SEGMENT_AGE, segmentAge);
        requireAtLeast(SEGMENT_BYTES, segmentBytes, 1024);
        requireAtLeast(INDEX_INTERVAL_BYTES, indexIntervalBytes, 1);
        requireAtLeast(MAX_BATCH_BYTES, maxBatchBytes, 1024);
        if (segmentBytes.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(SEGMENT_BYTES.name() + " = " + segmentBytes
                    + " exceeds the 2GiB a segment can address; lower it");
        }
        if (retentionAge.isNegative()) {
            throw new IllegalArgumentException(RETENTION_AGE.name() + " cannot be negative; use 0 to keep forever");
        }
        if (maxReadWaiters < 1) {
            throw new IllegalArgumentException(MAX_READ_WAITERS.name() + " must be at least 1, was " + maxReadWaiters);
        }
    }

    /** Every setting at its default. */
    public static LogConfig defaults() {
        return from(ConfigSource.defaults());
    }

    /** The settings {@code source} gives, defaults for the rest. */
    public static LogConfig from(ConfigSource source) {
        return new LogConfig(DURABILITY.resolve(source), FLUSH_INTERVAL.resolve(source), SEGMENT_BYTES.resolve(source),
                SEGMENT_AGE.resolve(source), RETENTION_AGE.resolve(source), RETENTION_BYTES.resolve(source),
                INDEX_INTERVAL_BYTES.resolve(source), MAX_BATCH_BYTES.resolve(source), VERIFY_ON_OPEN.resolve(source),
                MAX_READ_WAITERS.resolve(source));
    }

    public LogConfig withDurability(Durability value) {
        return new LogConfig(value, flushInterval, segmentBytes, segmentAge, retentionAge, retentionBytes,
                indexIntervalBytes, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withSegmentBytes(ByteSize value) {
        return new LogConfig(durability, flushInterval, value, segmentAge, retentionAge, retentionBytes,
                indexIntervalBytes, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withSegmentAge(Duration value) {
        return new LogConfig(durability, flushInterval, segmentBytes, value, retentionAge, retentionBytes,
                indexIntervalBytes, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withRetention(Duration age, ByteSize bytes) {
        return new LogConfig(durability, flushInterval, segmentBytes, segmentAge, age, bytes,
                indexIntervalBytes, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withFlushInterval(Duration value) {
        return new LogConfig(durability, value, segmentBytes, segmentAge, retentionAge, retentionBytes,
                indexIntervalBytes, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withIndexIntervalBytes(ByteSize value) {
        return new LogConfig(durability, flushInterval, segmentBytes, segmentAge, retentionAge, retentionBytes,
                value, maxBatchBytes, verifyOnOpen, maxReadWaiters);
    }

    public LogConfig withVerifyOnOpen(VerifyOnOpen value) {
        return new LogConfig(durability, flushInterval, segmentBytes, segmentAge, retentionAge, retentionBytes,
                indexIntervalBytes, maxBatchBytes, value, maxReadWaiters);
    }

    private static void requirePositive(ConfigKey<Duration> key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key.name() + " must be positive, was " + value);
        }
    }

    private static void requireAtLeast(ConfigKey<ByteSize> key, ByteSize value, long minimum) {
        if (value.bytes() < minimum) {
            throw new IllegalArgumentException(key.name() + " must be at least " + ByteSize.ofBytes(minimum) + ", was " + value);
        }
    }
}
