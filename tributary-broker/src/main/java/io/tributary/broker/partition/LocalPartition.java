package io.tributary.broker.partition;

import io.tributary.api.TopicPartition;
import io.tributary.format.RecordBatch;
import io.tributary.log.AckLevel;
import io.tributary.log.AppendResult;
import io.tributary.log.LogConfig;
import io.tributary.log.LogException;
import io.tributary.log.PartitionLog;
import io.tributary.log.ReadResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A {@link Partition} that is one local {@link PartitionLog}. */
final class LocalPartition implements Partition {

    private final TopicPartition id;
    private final PartitionLog log;

    LocalPartition(TopicPartition id, PartitionLog log) {
        this.id = id;
        this.log = log;
    }

    @Override
    public TopicPartition id() {
        return id;
    }

    @Override
    public CompletableFuture<AppendResult> append(RecordBatch batch, AckLevel ackLevel) {
        return log.append(batch, ackLevel);
    }

    @Override
    public CompletableFuture<ReadResult> read(long offset, int maxBytes, Duration maxWait) {
        CompletableFuture<ReadResult> read = log.read(offset, maxBytes, maxWait);
        if (read.isCompletedExceptionally() && isWaiterLimit(read.exceptionNow())) {
            Throwable refusal = read.exceptionNow();
            return CompletableFuture.failedFuture(new TooManyWaitingReadsException(refusal.getMessage()
                    + "; retry after a backoff", refusal));
        }
        return read;
    }

    /**
     * Whether the log refused a long poll for {@code tributary.log.max-read-waiters}. The log has no
     * exception type of its own for it: it fails the read at once with a plain {@link LogException}
     * naming the key (closing is {@link io.tributary.log.LogClosedException}, I/O trouble is not a
     * LogException). The broker tests pin this mapping through both transports.
     */
    private static boolean isWaiterLimit(Throwable error) {
        return error.getClass() == LogException.class && error.getMessage() != null
                && error.getMessage().contains(LogConfig.MAX_READ_WAITERS.name());
    }

    @Override
    public PartitionState state() {
        return new PartitionState(log.logStartOffset(), log.endOffset(), log.committedEndOffset(), log.sizeInBytes());
    }

    @Override
    public int deleteSegmentsBefore(long offset) {
        return log.deleteSegmentsBefore(offset);
    }

    @Override
    public void reconfigure(LogConfig config) {
        log.reconfigure(config);
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "LocalPartition[" + id + " in " + log.directory() + "]";
    }
}
