package io.tributary.client;

import io.tributary.api.config.ByteSize;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import io.tributary.format.CompressionCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Producer}. Every setting has a key in {@link #KEYS} with its default beside it.
 *
 * <pre>{@code
 * Producer producer = client.producer("orders", ProducerOptions.defaults()
 *         .withLinger(Duration.ofMillis(20))
 *         .withWhenFull(ProducerOptions.WhenFull.FAIL));
 * }</pre>
 *
 * @param linger                 how long a batch waits for more records before it is sent (unless full)
 * @param batchBytes             a batch is sent once it holds this many bytes; a single larger record
 *                               travels alone
 * @param bufferBytes            most bytes of records the producer holds unacknowledged, over all partitions
 * @param whenFull               what a send does when the buffer is full
 * @param maxBlock               with {@link WhenFull#BLOCK}, longest a send waits for room before failing
 * @param maxInFlightBatches     most batches of one partition sent and not yet answered, counted from the
 *                               oldest one not yet acknowledged; 1 to 5 (the log remembers the last 5
 *                               batches of a producer to recognise retries)
 * @param retries                how often a batch is sent again after a transient failure;
 *                               {@link #UNLIMITED_RETRIES} leaves the bound to {@code deliveryTimeout}
 * @param retryBackoff           wait before the first retry; doubles with each further one
 * @param retryBackoffMax        longest wait between retries
 * @param deliveryTimeout        longest a record may stay unacknowledged after {@code send}; then it fails
 *                               with {@link TimedOutException}
 * @param waitForCommit          whether a record counts as acknowledged only once it is committed
 *                               (durable), or already once the node wrote it
 * @param idempotent             whether batches carry a producer id and sequence numbers so that the log
 *                               drops a retried batch it already has, and returns the original offsets
 * @param compression            codec of the batches' records
 */
public record ProducerOptions(Duration linger, ByteSize batchBytes, ByteSize bufferBytes, WhenFull whenFull,
        Duration maxBlock, int maxInFlightBatches, int retries, Duration retryBackoff, Duration retryBackoffMax,
        Duration deliveryTimeout, boolean waitForCommit, boolean idempotent, CompressionCodec compression) {

    /** What {@link Producer#send} and {@link Producer#sendAsync} do when the buffer is full. */
    public enum WhenFull {
        /** Wait for room, up to {@code maxBlock}, then throw {@link BatcherFullException}. */
        BLOCK,
        /** Throw {@link BatcherFullException} at once. */
        FAIL
    }

    /** {@link #retries()} value that retries until the delivery timeout. */
    public static final int UNLIMITED_RETRIES = Integer.MAX_VALUE;
    /** Most in-flight batches per partition: what the log remembers per producer to detect retries. */
    public static final int MAX_IN_FLIGHT_BATCHES_LIMIT = 5;

    public static final ConfigKey<Duration> LINGER = ConfigKey.duration("tributary.producer.linger",
            Duration.ofMillis(5), "how long a batch waits for more records before it is sent");
    public static final ConfigKey<ByteSize> BATCH_BYTES = ConfigKey.bytes("tributary.producer.batch-bytes",
            ByteSize.ofKibibytes(256), "a batch is sent once it holds this many bytes");
    public static final ConfigKey<ByteSize> BUFFER_BYTES = ConfigKey.bytes("tributary.producer.buffer-bytes",
            ByteSize.ofMebibytes(32), "most bytes of unacknowledged records the producer holds");
    public static final ConfigKey<WhenFull> WHEN_FULL = ConfigKey.enumerated("tributary.producer.when-full",
            WhenFull.BLOCK, "block: a send waits for room (up to max-block); fail: it throws at once");
    public static final ConfigKey<Duration> MAX_BLOCK = ConfigKey.duration("tributary.producer.max-block",
            Duration.ofSeconds(10), "longest a send waits for room in a full buffer");
    public static final ConfigKey<Integer> MAX_IN_FLIGHT_BATCHES = ConfigKey.integer(
            "tributary.producer.max-in-flight-batches", 5, "most unanswered batches per partition (1 to 5)");
    public static final ConfigKey<Integer> RETRIES = ConfigKey.integer("tributary.producer.retries",
            UNLIMITED_RETRIES, "resends of a batch after transient failures; the delivery timeout bounds them too");
    public static final ConfigKey<Duration> RETRY_BACKOFF = ConfigKey.duration("tributary.producer.retry-backoff",
            Duration.ofMillis(100), "wait before the first retry; doubles with each further one");
    public static final ConfigKey<Duration> RETRY_BACKOFF_MAX = ConfigKey.duration(
            "tributary.producer.retry-backoff-max", Duration.ofSeconds(2), "longest wait between retries");
    public static final ConfigKey<Duration> DELIVERY_TIMEOUT = ConfigKey.duration("tributary.producer.delivery-timeout",
            Duration.ofSeconds(30), "longest a record may stay unacknowledged after send");
    public static final ConfigKey<Boolean> WAIT_FOR_COMMIT = ConfigKey.bool("tributary.producer.wait-for-commit", true,
            "acknowledge a record once committed (true) or once written (false)");
    public static final ConfigKey<Boolean> IDEMPOTENT = ConfigKey.bool("tributary.producer.idempotent", true,
            "producer id and sequence numbers on every batch, so retries are never written twice");
    public static final ConfigKey<CompressionCodec> COMPRESSION = ConfigKey.enumerated("tributary.producer.compression",
            CompressionCodec.NONE, "codec of the batches' records: none, lz4 or zstd");

    /** Every producer key, in the order the docs list them. */
    public static final List<ConfigKey<?>> KEYS = List.of(LINGER, BATCH_BYTES, BUFFER_BYTES, WHEN_FULL, MAX_BLOCK,
            MAX_IN_FLIGHT_BATCHES, RETRIES, RETRY_BACKOFF, RETRY_BACKOFF_MAX, DELIVERY_TIMEOUT, WAIT_FOR_COMMIT,
            IDEMPOTENT, COMPRESSION);

    public ProducerOptions {
        Objects.requireNonNull(linger, LINGER.name());
        Objects.requireNonNull(whenFull, WHEN_FULL.name());
        Objects.requireNonNull(maxBlock, MAX_BLOCK.name());
        Objects.requireNonNull(compression, COMPRESSION.name());
        if (linger.isNegative()) {
            throw new IllegalArgumentException(LINGER.name() + " cannot be negative, was " + linger);
        }
        if (maxBlock.isNegative()) {
            throw new IllegalArgumentException(MAX_BLOCK.name() + " cannot be negative, was " + maxBlock);
        }
        ClientOptions.requirePositive(RETRY_BACKOFF, retryBackoff);
        ClientOptions.requirePositive(RETRY_BACKOFF_MAX, retryBackoffMax);
        ClientOptions.requirePositive(DELIVERY_TIMEOUT, deliveryTimeout);
        if (batchBytes.bytes() < 1 || batchBytes.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(BATCH_BYTES.name() + " must be between 1B and 2GiB, was " + batchBytes);
        }
        if (bufferBytes.compareTo(batchBytes) < 0) {
            throw new IllegalArgumentException(BUFFER_BYTES.name() + " = " + bufferBytes + " must hold at least one batch of "
                    + BATCH_BYTES.name() + " = " + batchBytes);
        }
        if (maxInFlightBatches < 1 || maxInFlightBatches > MAX_IN_FLIGHT_BATCHES_LIMIT) {
            throw new IllegalArgumentException(MAX_IN_FLIGHT_BATCHES.name() + " must be 1 to " + MAX_IN_FLIGHT_BATCHES_LIMIT
                    + " (the log recognises retries among a producer's last " + MAX_IN_FLIGHT_BATCHES_LIMIT
                    + " batches), was " + maxInFlightBatches);
        }
        if (retries < 0) {
            throw new IllegalArgumentException(RETRIES.name() + " cannot be negative, was " + retries);
        }
        if (retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException(RETRY_BACKOFF_MAX.name() + " = " + retryBackoffMax + " is below "
                    + RETRY_BACKOFF.name() + " = " + retryBackoff);
        }
        if (deliveryTimeout.compareTo(linger) <= 0) {
            throw new IllegalArgumentException(DELIVERY_TIMEOUT.name() + " = " + deliveryTimeout + " must be longer than "
                    + LINGER.name() + " = " + linger);
        }
    }

    /** Every setting at its default. */
    public static ProducerOptions defaults() {
        return from(ConfigSource.defaults());
    }

    /** The settings {@code source} gives, defaults for the rest. */
    public static ProducerOptions from(ConfigSource source) {
        return new ProducerOptions(LINGER.resolve(source), BATCH_BYTES.resolve(source), BUFFER_BYTES.resolve(source),
                WHEN_FULL.resolve(source), MAX_BLOCK.resolve(source), MAX_IN_FLIGHT_BATCHES.resolve(source),
                RETRIES.resolve(source), RETRY_BACKOFF.resolve(source), RETRY_BACKOFF_MAX.resolve(source),
                DELIVERY_TIMEOUT.resolve(source), WAIT_FOR_COMMIT.resolve(source), IDEMPOTENT.resolve(source),
                COMPRESSION.resolve(source));
    }

    public ProducerOptions withLinger(Duration value) {
        return new ProducerOptions(value, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withBatchBytes(ByteSize value) {
        return new ProducerOptions(linger, value, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withBufferBytes(ByteSize value) {
        return new ProducerOptions(linger, batchBytes, value, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withWhenFull(WhenFull value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, value, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withMaxBlock(Duration value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, value, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withMaxInFlightBatches(int value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, value, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withRetries(int value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, value,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withRetryBackoff(Duration initial, Duration max) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                initial, max, deliveryTimeout, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withDeliveryTimeout(Duration value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, value, waitForCommit, idempotent, compression);
    }

    public ProducerOptions withWaitForCommit(boolean value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, value, idempotent, compression);
    }

    public ProducerOptions withIdempotent(boolean value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, value, compression);
    }

    public ProducerOptions withCompression(CompressionCodec value) {
        return new ProducerOptions(linger, batchBytes, bufferBytes, whenFull, maxBlock, maxInFlightBatches, retries,
                retryBackoff, retryBackoffMax, deliveryTimeout, waitForCommit, idempotent, value);
    }
}
