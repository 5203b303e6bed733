package io.tributary.log.internal;

import io.tributary.format.BatchHeader;
import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import io.tributary.log.AckLevel;
import io.tributary.log.AppendResult;
import io.tributary.log.BatchTooLargeException;
import io.tributary.log.Durability;
import io.tributary.log.LogClosedException;
import io.tributary.log.LogConfig;
import io.tributary.log.LogException;
import io.tributary.log.PartitionLog;
import io.tributary.log.ReadResult;
import io.tributary.log.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PartitionLog}: a list of {@link Segment}s, the last one active.
 *
 * <p><b>Appends</b> run on the caller's thread under {@link #appendLock}: check the producer
 * sequence, maybe roll, assign offsets, write the bytes to the page cache. In {@link Durability#FSYNC}
 * mode the append then waits in {@link #pending} for the commit thread.
 *
 * <p><b>Group commit.</b> The commit thread ({@link #commitLoop()}) wakes as soon as an append is
 * pending, notes how far the log is written, forces the active segment <i>without</i> holding the lock
 * (appends keep writing meanwhile), then moves the commit point and completes every append the fsync
 * covered. An idle log therefore syncs at once; a busy one shares each fsync among everything that
 * arrived during the previous one. No timer, no spin.
 *
 * <p><b>Reads</b> take no lock: they see the volatile segment list and {@link #committed} point, and
 * read positionally from the segment files.
 *
 * <p>Longer than most classes (about 650 lines) on purpose: appends, rolls, the commit loop and segment
 * deletion share {@link #appendLock} and the commit point, and their interplay is the log's hot path and its
 * crash safety; split, the lock's invariants would be spread over several files. Retention decisions
 * ({@code RetentionPolicy}), read waiters ({@code ReadWaiters}) and recovery live apart already.
 */
public final class SegmentedLog implements PartitionLog {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedLog.class);
    private static final Duration RETENTION_CHECK_INTERVAL = Duration.ofMinutes(1);
    /**
     * In the modes that ack on write, the commit thread still forces the log after this many bytes, in
     * the background: it bounds the dirty pages a crash can lose and keeps the kernel from throttling
     * writers when its dirty-page limit is reached (which made {@code os} mode slower than {@code fsync}).
     */
    private static final long WRITEBACK_BYTES = 8L << 20;

    /** An append waiting for the fsync that covers it. */
    private record PendingAppend(CompletableFuture<AppendResult> future, AppendResult result) {
    }

    private enum State { OPEN, CLOSING, CLOSED, FAILED }

    /** An I/O failure that stopped the log, and the appends that were waiting for a commit when it did. */
    private record Failure(LogException error, List<PendingAppend> stranded) {
    }

    private final Path directory;
    private final Storage storage;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ReadWaiters waiters;
    private final Thread commitThread;

    private final ReentrantLock appendLock = new ReentrantLock();
    private final Condition appendPending = appendLock.newCondition();
    // Guarded by appendLock:
    private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
    private final ProducerStateTable producers;
    private Segment active;
    private long nextOffset;
    private CommitPoint written;
    private State state = State.OPEN;
    private @Nullable Throwable failure;
    private @Nullable ScheduledFuture<?> intervalFlush;
    private boolean unflushed;
    private long bytesSinceWriteback;
    private boolean writebackDue;

    private volatile LogConfig config;
    private volatile List<Segment> segments;
    private volatile CommitPoint committed;
    private final ScheduledFuture<?> retentionCheck;

    private SegmentedLog(Path directory, LogConfig config, InstantSource clock, Storage storage,
            ScheduledExecutorService scheduler, boolean ownsScheduler, LogRecovery.Recovered recovered) {
        this.directory = directory;
        this.config = config;
        this.clock = clock;
        this.storage = storage;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.producers = recovered.producers();
        this.segments = List.copyOf(recovered.segments());
        this.active = segments.getLast();
        this.nextOffset = active.nextOffset();
        this.written = new CommitPoint(nextOffset, active, active.size());
        this.committed = written;
        this.waiters = new ReadWaiters(config.maxReadWaiters(), scheduler);
        this.commitThread = Thread.ofPlatform().name("tributary-log-commit-" + directory.getFileName()).daemon()
                .unstarted(this::commitLoop);
        this.retentionCheck = scheduler.scheduleWithFixedDelay(this::retentionTick,
                RETENTION_CHECK_INTERVAL.toMillis(), RETENTION_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        scheduleIntervalFlush(config);
    }

    /** Recovers the directory and starts the log. */
    public static PartitionLog open(Path directory, LogConfig config, InstantSource clock, Storage storage,
            @Nullable ScheduledExecutorService scheduler) {
        LogRecovery.Recovered recovered;
        try {
            recovered = LogRecovery.recover(directory, storage, config);
        } catch (IOException e) {
            throw new LogException("cannot open the partition log in " + directory + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService effective = scheduler != null ? scheduler
                : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                        .name("tributary-log-scheduler-" + directory.getFileName()).daemon().factory());
        SegmentedLog log = new SegmentedLog(directory, config, clock, storage, effective, scheduler == null, recovered);
        log.commitThread.start();
        return log;
    }

    // ---------------------------------------------------------------- appends

    @Override
    public CompletableFuture<AppendResult> append(RecordBatch batch, AckLevel ackLevel) {
        LogConfig current = config;
        if (batch.sizeInBytes() > current.maxBatchBytes().bytes()) {
            return CompletableFuture.failedFuture(new BatchTooLargeException("batch of " + batch.sizeInBytes()
                    + " bytes exceeds " + LogConfig.MAX_BATCH_BYTES.name() + " = " + current.maxBatchBytes()
                    + "; raise it or send smaller batches"));
        }
        try {
            batch.ensureValid();
        } catch (CorruptBatchException e) {
            return CompletableFuture.failedFuture(e);
        }
        BatchHeader header = batch.header();
        AppendResult result;
        CompletableFuture<AppendResult> future;
        Failure failed = null;
        appendLock.lock();
        try {
            requireOpen();
            AppendResult duplicate = producers.check(header);
            if (duplicate != null) {
                return ackLevel == AckLevel.WRITTEN ? CompletableFuture.completedFuture(duplicate) : awaitCommitOf(duplicate);
            }
            rollIfDue(current, batch.sizeInBytes());
            long baseOffset = nextOffset;
            batch.assignBaseOffset(baseOffset);
            active.append(batch.buffer(), baseOffset + header.recordCount(), header.maxTimestamp(), clock.millis());
            nextOffset = baseOffset + header.recordCount();
            producers.accepted(header, baseOffset);
            written = new CommitPoint(nextOffset, active, active.size());
            result = new AppendResult(baseOffset, nextOffset - 1, false);
            if (current.durability() == Durability.FSYNC) {
                future = new CompletableFuture<>();
                pending.addLast(new PendingAppend(future, result));
                appendPending.signal();
                return ackLevel == AckLevel.WRITTEN ? CompletableFuture.completedFuture(result) : future;
            }
            unflushed = true;
            committed = written;
            bytesSinceWriteback += batch.sizeInBytes();
            if (bytesSinceWriteback >= WRITEBACK_BYTES) {
                bytesSinceWriteback = 0;
                writebackDue = true;
                appendPending.signal();
            }
        } catch (IOException e) {
            failed = failLocked(e);
            return CompletableFuture.failedFuture(failed.error());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            appendLock.unlock();
            if (failed != null) {
                failWaiting(failed);
            }
        }
        waiters.committed(result.nextOffset());
        return CompletableFuture.completedFuture(result);
    }

    /** A duplicate's result, once its original is committed. Caller holds the lock. */
    private CompletableFuture<AppendResult> awaitCommitOf(AppendResult duplicate) {
        if (duplicate.nextOffset() <= committed.nextOffset()) {
            return CompletableFuture.completedFuture(duplicate);
        }
        CompletableFuture<AppendResult> future = new CompletableFuture<>();
        pending.addLast(new PendingAppend(future, duplicate));
        appendPending.signal();
        return future;
    }

    private void rollIfDue(LogConfig current, int incomingBytes) throws IOException {
        if (active.isEmpty()) {
            return;
        }
        boolean full = active.size() + incomingBytes > current.segmentBytes().bytes();
        boolean old = clock.millis() - active.firstAppendMillis() >= current.segmentAge().toMillis();
        if (full || old) {
            rollLocked();
            try {
                // Retention after a roll, off the appender's thread (unlinking can be slow); it takes the lock when free.
                scheduler.execute(this::retentionTick);
            } catch (RejectedExecutionException e) {
                // The scheduler is shutting down; retention runs at the next open.
            }
        }
    }

    /**
     * Closes the active segment and starts a new one. The old segment is forced first, so after a
     * crash only the last segment can hold a torn write; the new file is made durable by a directory sync.
     */
    private void rollLocked() throws IOException {
        Segment previous = active;
        previous.force();
        previous.writeIndexIfStale(storage);
        Segment next = Segment.create(storage, directory, nextOffset, config.indexIntervalBytes().bytes());
        storage.syncDirectory(directory);
        List<Segment> list = new ArrayList<>(segments);
        list.add(next);
        segments = List.copyOf(list);
        active = next;
        written = new CommitPoint(nextOffset, next, 0);
        if (committed.nextOffset() == nextOffset) {
            committed = written;
        }
    }

    @Override
    public void roll() {
        Failure failed = null;
        appendLock.lock();
        try {
            requireOpen();
            if (!active.isEmpty()) {
                rollLocked();
            }
        } catch (IOException e) {
            failed = failLocked(e);
            throw failed.error();
        } finally {
            appendLock.unlock();
            if (failed != null) {
                failWaiting(failed);
            }
        }
        enforceRetention();
    }

    // ---------------------------------------------------------------- group commit

    /** The commit thread: one fsync for everything written since the last one. */
    private void commitLoop() {
        while (true) {
            CommitPoint target;
            appendLock.lock();
            try {
                while (pending.isEmpty() && !writebackDue && state == State.OPEN) {
                    appendPending.awaitUninterruptibly();
                }
                if (state == State.FAILED || (pending.isEmpty() && state != State.OPEN)) {
                    return;
                }
                writebackDue = false;
                target = written;
            } finally {
                appendLock.unlock();
            }
            try {
                forceSegment(target.segment());
            } catch (IOException e) {
                fail(e);
                return;
            }
            List<PendingAppend> done = new ArrayList<>();
            appendLock.lock();
            try {
                if (target.nextOffset() > committed.nextOffset()) {
                    committed = target;
                }
                while (!pending.isEmpty() && pending.peekFirst().result().nextOffset() <= target.nextOffset()) {
                    done.add(pending.pollFirst());
                }
            } finally {
                appendLock.unlock();
            }
            for (PendingAppend append : done) {
                append.future().complete(append.result());
            }
            waiters.committed(target.nextOffset());
        }
    }

    /**
     * Forces {@code segment}. A segment that is no longer active was forced by the roll that closed it,
     * so if retention has since deleted it, there is nothing left to do.
     */
    private void forceSegment(Segment segment) throws IOException {
        try {
            segment.force();
        } catch (ClosedChannelException e) {
            appendLock.lock();
            try {
                if (segment == active) {
                    throw e;
                }
            } finally {
                appendLock.unlock();
            }
        }
    }

    /** In {@link Durability#INTERVAL} mode, the periodic fsync. */
    private void intervalFlush() {
        Segment segment;
        appendLock.lock();
        try {
            if (state != State.OPEN || !unflushed) {
                return;
            }
            unflushed = false;
            segment = active;
        } finally {
            appendLock.unlock();
        }
        try {
            forceSegment(segment);
        } catch (IOException e) {
            fail(e);
        }
    }

    private void scheduleIntervalFlush(LogConfig newConfig) {
        if (intervalFlush != null) {
            intervalFlush.cancel(false);
            intervalFlush = null;
        }
        if (newConfig.durability() == Durability.INTERVAL) {
            long millis = newConfig.flushInterval().toMillis();
            intervalFlush = scheduler.scheduleWithFixedDelay(this::intervalFlush, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** {@link #failLocked} for a caller that does not hold the lock. */
    private void fail(IOException cause) {
        Failure failed;
        appendLock.lock();
        try {
            failed = failLocked(cause);
        } finally {
            appendLock.unlock();
        }
        failWaiting(failed);
    }

    /**
     * Stops the log after an I/O failure: later calls fail. What was waiting on the log is failed by
     * {@link #failWaiting}, which the caller runs once it released the lock: the callbacks of appends and
     * reads may take locks of their own (the offsets store does) that a thread waiting for this lock holds.
     */
    private Failure failLocked(IOException cause) {
        LogException error = new LogClosedException("the partition log in " + directory + " failed and stopped: "
                + cause.getMessage() + "; reopen it to recover", cause);
        if (state != State.OPEN && state != State.CLOSING) {
            return new Failure(error, List.of());
        }
        state = State.FAILED;
        failure = error;
        List<PendingAppend> stranded = List.copyOf(pending);
        pending.clear();
        appendPending.signalAll();
        return new Failure(error, stranded);
    }

    /** Fails, without holding the lock, the appends and reads that were waiting when {@code failed} stopped the log. */
    private void failWaiting(Failure failed) {
        failed.stranded().forEach(append -> append.future().completeExceptionally(failed.error()));
        waiters.closeAll(failed.error().getMessage());
    }

    private void requireOpen() {
        if (state == State.FAILED && failure != null) {
            throw new LogClosedException(failure.getMessage(), failure);
        }
        if (state != State.OPEN) {
            throw new LogClosedException("the partition log in " + directory + " is closed");
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public ReadResult read(long offset, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        for (int attempt = 0; ; attempt++) {
            if (state == State.CLOSED) {
                throw new LogClosedException("the partition log in " + directory + " is closed");
            }
            try {
                return CommittedReads.read(segments, committed, offset, maxBytes);
            } catch (ClosedChannelException e) {
                if (attempt > 0) {
                    throw new LogClosedException("the partition log in " + directory + " is closed", e);
                }
                // Retention deleted the segment under us: look again.
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + directory + " at offset " + offset, e);
            }
        }
    }

    @Override
    public CompletableFuture<ReadResult> read(long offset, int maxBytes, Duration maxWait) {
        ReadResult now;
        try {
            now = read(offset, maxBytes);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!(now instanceof ReadResult.NoRecords) || maxWait.isZero() || maxWait.isNegative()) {
            return CompletableFuture.completedFuture(now);
        }
        return waiters.await(offset, maxWait, () -> committed.nextOffset(), () -> read(offset, maxBytes));
    }

    // ---------------------------------------------------------------- retention and configuration

    @Override
    public int enforceRetention() {
        return deleteOldest((list, firstKept) -> RetentionPolicy.segmentsToDelete(list, firstKept, config, clock.millis()),
                "past retention", "retention deletes them again after a restart");
    }

    @Override
    public int deleteSegmentsBefore(long offset) {
        return deleteOldest((list, firstKept) -> RetentionPolicy.segmentsBefore(list, firstKept, offset),
                "before offset " + offset, "after a restart they are part of the log again until the next such call");
    }

    /** Chooses how many of the oldest segments go, given the segments and the oldest one that must stay. */
    @FunctionalInterface
    private interface DeletionChoice {
        int count(List<Segment> segments, Segment firstKept);
    }

    /**
     * The one deletion path (retention and {@link #deleteSegmentsBefore}): drops a prefix of closed segments
     * from the list under the lock, which advances the log start, then unlinks their files and syncs the
     * directory without it.
     */
    private int deleteOldest(DeletionChoice choice, String why, String afterFailure) {
        List<Segment> doomed;
        appendLock.lock();
        try {
            if (state != State.OPEN) {
                return 0;
            }
            List<Segment> list = segments;
            // Only segments wholly below the commit point go: the commit thread may still force that one.
            Segment firstKept = committed.segment().baseOffset() < active.baseOffset() ? committed.segment() : active;
            int count = choice.count(list, firstKept);
            if (count == 0) {
                return 0;
            }
            doomed = List.copyOf(list.subList(0, count));
            segments = List.copyOf(list.subList(count, list.size()));
        } finally {
            appendLock.unlock();
        }
        // Unlinking a large file can take long (with `discard`, the file system trims it): never under the lock.
        try {
            for (Segment segment : doomed) {
                segment.delete(storage);
            }
            storage.syncDirectory(directory);
        } catch (IOException e) {
            LOG.warn("{}: deleting segments {} failed ({}); {}", directory, why, e.toString(), afterFailure);
        }
        return doomed.size();
    }

    private void retentionTick() {
        try {
            enforceRetention();
        } catch (RuntimeException e) {
            // Logged by the failure path; the next tick sees a failed log and does nothing.
        }
    }

    @Override
    public void reconfigure(LogConfig newConfig) {
        appendLock.lock();
        try {
            requireOpen();
            LogConfig previous = config;
            config = newConfig;
            if (previous.durability() != newConfig.durability() || !previous.flushInterval().equals(newConfig.flushInterval())) {
                scheduleIntervalFlush(newConfig);
            }
        } finally {
            appendLock.unlock();
        }
        enforceRetention();
    }

    // ---------------------------------------------------------------- state

    @Override
    public long logStartOffset() {
        return segments.getFirst().baseOffset();
    }

    @Override
    public long committedEndOffset() {
        return committed.nextOffset();
    }

    @Override
    public long endOffset() {
        appendLock.lock();
        try {
            return nextOffset;
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public long sizeInBytes() {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.size();
        }
        return total;
    }

    @Override
    public int segmentCount() {
        return segments.size();
    }

    @Override
    public LogConfig config() {
        return config;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        appendLock.lock();
        try {
            if (state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            if (state == State.OPEN) {
                state = State.CLOSING;
            }
            appendPending.signalAll();
        } finally {
            appendLock.unlock();
        }
        joinCommitThread();
        retentionCheck.cancel(false);
        IOException closeFailure = null;
        appendLock.lock();
        try {
            if (intervalFlush != null) {
                intervalFlush.cancel(false);
            }
            boolean healthy = state == State.CLOSING;
            state = State.CLOSED;
            for (Segment segment : segments) {
                try {
                    if (healthy && segment == active) {
                        segment.force();
                        segment.writeIndexIfStale(storage);
                    }
                    segment.close();
                } catch (IOException e) {
                    closeFailure = e;
                }
            }
        } finally {
            appendLock.unlock();
        }
        waiters.closeAll("the partition log in " + directory + " was closed");
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (closeFailure != null) {
            throw new LogException("closing the partition log in " + directory + ": " + closeFailure.getMessage(),
                    closeFailure);
        }
    }

    private void joinCommitThread() {
        boolean interrupted = false;
        while (commitThread.isAlive()) {
            try {
                commitThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
