package io.tributary.broker.partition;

import io.tributary.api.TopicPartition;
import io.tributary.format.RecordBatch;
import io.tributary.log.AckLevel;
import io.tributary.log.AppendResult;
import io.tributary.log.LogConfig;
import io.tributary.log.ReadResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One partition as the broker sees it: append batches, read committed ones, report its offsets.
 * Thread-safe. Implementations: a local log now, a Raft group later; callers must not care which.
 */
public interface Partition extends AutoCloseable {

    TopicPartition id();

    /**
     * Appends a batch; the future completes with the offsets it got once it is committed (durable
     * under the topic's mode, or on a quorum when replicated), or, with {@link AckLevel#WRITTEN}, once
     * it is written.
     */
    CompletableFuture<AppendResult> append(RecordBatch batch, AckLevel ackLevel);

    /** Committed batches from {@code offset}, waiting up to {@code maxWait} for some to arrive. */
    CompletableFuture<ReadResult> read(long offset, int maxBytes, Duration maxWait);

    /** Offsets and size now. */
    PartitionState state();

    /**
     * Deletes the closed segments all of whose records are below {@code offset}, oldest first, and
     * advances the log start offset, as retention does; never the active segment, never records that
     * are not committed yet. For owners that know everything before {@code offset} is superseded (the
     * offsets store after a snapshot). Blocks while files are unlinked; call it off the commit thread.
     *
     * @return segments deleted
     */
    int deleteSegmentsBefore(long offset);

    /** Applies changed durability, retention or roll settings. */
    void reconfigure(LogConfig config);

    /** Waits for pending appends and closes the partition's files. */
    @Override
    void close();
}
