package io.tributary.log;

import io.tributary.format.RecordBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One partition: a totally ordered, append-only log of record batches in a directory of segments.
 *
 * <p><b>Threads.</b> All methods are thread-safe. Appends from many threads are serialised in arrival
 * order; their futures complete on the log's commit thread, in offset order, so callbacks must be
 * short or hop to another executor. Reads never block appends.
 *
 * <p><b>Visibility.</b> Readers see only committed batches: in {@link Durability#FSYNC} mode, those
 * whose fsync completed; in the other modes, those written to the page cache.
 *
 * <pre>{@code
 * try (PartitionLog log = PartitionLog.open(dir, LogConfig.defaults())) {
 *     AppendResult result = log.append(batch).join();   // committed: on stable storage
 *     ReadResult read = log.read(result.baseOffset(), 1 << 20);
 * }
 * }</pre>
 */
public interface PartitionLog extends AutoCloseable {

    /**
     * Opens the partition in {@code directory}, creating it if absent, and recovers it: truncates a
     * torn tail, rebuilds stale indexes and the producer sequence table.
     *
     * @throws CorruptLogException if a batch before the tail is bad
     * @throws LogException        if the directory is not a partition directory or cannot be read
     */
    static PartitionLog open(Path directory, LogConfig config) {
        return builder(directory).config(config).open();
    }

    /** A builder, for injecting a clock, a storage or a scheduler (tests, the broker). */
    static PartitionLogBuilder builder(Path directory) {
        return new PartitionLogBuilder(directory);
    }

    /**
     * Appends one batch. The log assigns its base offset (overwriting the one in the bytes) and
     * completes the future once the batch is committed under the durability mode.
     *
     * <p>A batch from an idempotent producer whose sequences are already in the log completes with
     * the original offsets and {@link AppendResult#duplicate()} set; nothing is written.
     *
     * <p>The future fails with {@link BatchTooLargeException}, {@link
     * io.tributary.format.CorruptBatchException} (checksum), {@link OutOfOrderSequenceException}, {@link
     * ProducerFencedException} or {@link LogClosedException}. Never blocks on I/O.
     *
     * @param batch a writable batch; the log writes its base offset into it and keeps no reference
     *              once the future completes
     */
    default CompletableFuture<AppendResult> append(RecordBatch batch) {
        return append(batch, AckLevel.COMMITTED);
    }

    /**
     * Like {@link #append(RecordBatch)}, completing at {@code ackLevel}: with {@link AckLevel#WRITTEN}
     * the future completes once the batch is in the segment file, before it is committed.
     */
    CompletableFuture<AppendResult> append(RecordBatch batch, AckLevel ackLevel);

    /**
     * Reads committed batches starting with the one that contains {@code offset}, up to about {@code
     * maxBytes} (always at least one whole batch, so a large batch never blocks a reader). Never blocks.
     */
    ReadResult read(long offset, int maxBytes);

    /**
     * Like {@link #read(long, int)}, but when nothing is committed at {@code offset} yet, waits up to
     * {@code maxWait} for it (a long poll) and completes with {@link ReadResult.NoRecords} if nothing
     * arrives in time. Fails with {@link LogException} when {@code tributary.log.max-read-waiters}
     * reads are already waiting.
     */
    CompletableFuture<ReadResult> read(long offset, int maxBytes, Duration maxWait);

    /** First offset still in the log; advances when retention deletes segments. */
    long logStartOffset();

    /** Offset the next committed record will get: everything below it is readable. */
    long committedEndOffset();

    /** Offset the next appended record will get (≥ {@link #committedEndOffset()}). */
    long endOffset();

    /** Bytes of all segments. */
    long sizeInBytes();

    /** Number of segments. */
    int segmentCount();

    /** The configuration in force. */
    LogConfig config();

    /**
     * Changes the settings that may change while the log is open (durability, flush interval,
     * retention, roll). Takes effect for the next append; retention runs at once.
     */
    void reconfigure(LogConfig config);

    /** Starts a new segment now, if the active one holds any batch. */
    void roll();

    /**
     * Deletes closed segments that retention no longer keeps, oldest first, and advances the log
     * start offset. The active segment is never deleted. Also runs after every roll and periodically.
     *
     * @return segments deleted
     */
    int enforceRetention();

    /**
     * Deletes closed segments all of whose records are below {@code offset}, oldest first, and advances
     * the log start offset to the base offset of the first segment kept, exactly as retention does (same
     * deletion path, files unlinked outside the append lock, then a directory sync). The active segment,
     * and any segment holding records not yet committed, is never deleted, so the log start never passes
     * the committed end. Used by compacting owners of a log (the broker's {@code __consumer_offsets} after
     * a snapshot) that know everything before {@code offset} is superseded.
     *
     * @param offset the first offset that must stay readable; segments reaching it or beyond are kept
     * @return segments deleted (0 when none lies wholly below {@code offset}, or the log is closed)
     */
    int deleteSegmentsBefore(long offset);

    /** Where the log lives. */
    Path directory();

    /**
     * Waits for pending appends to commit (they complete normally), syncs and closes every file.
     * Appends and reads that come later fail with {@link LogClosedException}.
     */
    @Override
    void close();
}
