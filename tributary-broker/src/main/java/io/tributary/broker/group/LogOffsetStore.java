package io.tributary.broker.group;

import io.tributary.api.Record;
import io.tributary.api.TopicPartition;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.topic.InternalTopics;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.group.coordinator.OffsetStore;
import io.tributary.log.AckLevel;
import io.tributary.log.AppendResult;
import io.tributary.log.ReadResult;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's {@link OffsetStore}: committed offsets as records of the one partition of
 * {@code __consumer_offsets} ({@link OffsetRecords} for the format), so they are exactly as durable as the
 * data (the topic has the broker's default durability) and will replicate with it.
 *
 * <p><b>Store.</b> Each call appends one batch, one record per partition, at {@link AckLevel#COMMITTED}; its
 * future completes when the batch is committed. A commit must fit one batch
 * ({@code tributary.log.max-batch-bytes}: some 100 000 partitions).
 *
 * <p><b>Load</b> replays the partition from its log start; the last record per key wins.
 *
 * <p><b>Bounded.</b> Once more than the topic's {@code segment-bytes} were appended since the last
 * snapshot, the next store also writes a <em>snapshot</em>: every current offset again (header
 * {@code kind=snapshot}), in batches within {@code max-batch-bytes}, in the same order as the commits,
 * so it never overtakes one. Once the snapshot is committed, the segments wholly before its first offset
 * are deleted ({@link Partition#deleteSegmentsBefore}) on {@code background}. The log therefore holds
 * about one snapshot and two segments; the in-memory map holds one offset per group and partition ever
 * stored, which the coordinator bounds by {@code tributary.group.max-groups}.
 *
 * <p><b>Threads.</b> Thread-safe: {@code store} and {@code load} are serialised by a lock of their own (the
 * coordinator calls {@code store} with its lock held, so they rarely meet); a {@link ReentrantLock}, not a
 * monitor, so that the virtual threads that commit do not pin their carrier. Appends never block on I/O,
 * but a snapshot encodes every offset while holding the lock.
 */
final class LogOffsetStore implements OffsetStore {

    private static final Logger LOG = LoggerFactory.getLogger(LogOffsetStore.class);
    /** Room left in a snapshot batch for the batch header and varint slack. */
    private static final int BATCH_SLACK_BYTES = 1024;

    private final Partition partition;
    private final long snapshotAfterBytes;
    private final int maxBatchBytes;
    private final InstantSource clock;
    private final Executor background;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final Map<String, Map<TopicPartition, Long>> current = new HashMap<>();
    private long bytesSinceSnapshot;
    private boolean snapshotInFlight;

    /**
     * @param partition          partition 0 of {@code __consumer_offsets}
     * @param snapshotAfterBytes bytes of commits after which a snapshot is written: the topic's segment-bytes
     * @param maxBatchBytes      largest batch the log accepts
     * @param clock              timestamps of the records
     * @param background         where segments are deleted after a snapshot (not the log's commit thread)
     */
    LogOffsetStore(Partition partition, long snapshotAfterBytes, int maxBatchBytes, InstantSource clock,
            Executor background) {
        this.partition = partition;
        this.snapshotAfterBytes = snapshotAfterBytes;
        this.maxBatchBytes = maxBatchBytes;
        this.clock = clock;
        this.background = background;
    }

    /**
     * Replays the partition from its log start.
     *
     * @throws CorruptOffsetsException if a record does not parse, naming its offset
     */
    @Override
    public Map<String, Map<TopicPartition, Long>> load() {
        lock.lock();
        try {
            return loadLocked();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Map<TopicPartition, Long>> loadLocked() {
        current.clear();
        bytesSinceSnapshot = 0;
        PartitionState state = partition.state();
        long offset = state.logStartOffset();
        long end = state.committedEndOffset();
        while (offset < end) {
            switch (partition.read(offset, ChunkedReads.READ_BYTES, Duration.ZERO).join()) {
                case ReadResult.Records records -> {
                    for (RecordBatch batch : ChunkedReads.batches(records,
                            InternalTopics.CONSUMER_OFFSETS.value())) {
                        replay(batch, offset);
                    }
                    offset = records.nextOffset();
                }
                case ReadResult.BelowLogStart below -> offset = below.logStartOffset();
                case ReadResult.NoRecords none -> end = offset;
            }
        }
        Map<String, Map<TopicPartition, Long>> loaded = new HashMap<>();
        current.forEach((group, offsets) -> loaded.put(group, Map.copyOf(offsets)));
        LOG.info("{}: loaded the committed offsets of {} group(s) from offsets {} to {}", InternalTopics.CONSUMER_OFFSETS,
                loaded.size(), state.logStartOffset(), offset);
        return loaded;
    }

    private void replay(RecordBatch batch, long from) {
        List<Record> records = batch.records();
        boolean snapshot = false;
        for (int index = 0; index < records.size(); index++) {
            long logOffset = batch.baseOffset() + index;
            if (logOffset < from) {
                continue; // the first batch of a read may start before the offset asked for
            }
            OffsetRecords.Entry entry = OffsetRecords.decode(records.get(index), logOffset);
            apply(entry.group(), Map.of(entry.partition(), entry.offset()));
            snapshot |= entry.kind() == OffsetRecords.Kind.SNAPSHOT;
        }
        bytesSinceSnapshot = snapshot ? 0 : bytesSinceSnapshot + batch.sizeInBytes();
    }

    @Override
    public CompletableFuture<Void> store(String group, Map<TopicPartition, Long> offsets) {
        if (offsets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        lock.lock();
        try {
            return storeLocked(group, offsets);
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<Void> storeLocked(String group, Map<TopicPartition, Long> offsets) {
        long now = clock.millis();
        BatchBuilder builder = BatchBuilder.create();
        offsets.forEach((topicPartition, offset) -> builder.add(OffsetRecords.encode(group, topicPartition, offset,
                OffsetRecords.Kind.COMMIT, now)));
        RecordBatch batch = builder.build();
        CompletableFuture<AppendResult> append = partition.append(batch, AckLevel.COMMITTED);
        if (append.isCompletedExceptionally()) {
            return append.thenApply(result -> null); // refused before it was written: nothing changed
        }
        apply(group, offsets);
        bytesSinceSnapshot += batch.sizeInBytes();
        if (bytesSinceSnapshot > snapshotAfterBytes && !snapshotInFlight) {
            snapshot(now);
        }
        return append.thenApply(result -> null);
    }

    /** Appends every current offset as a snapshot; once committed, deletes the segments before it. Holds the lock. */
    private void snapshot(long now) {
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        BatchBuilder builder = BatchBuilder.create();
        for (Map.Entry<String, Map<TopicPartition, Long>> group : current.entrySet()) {
            for (Map.Entry<TopicPartition, Long> offset : group.getValue().entrySet()) {
                Record record = OffsetRecords.encode(group.getKey(), offset.getKey(), offset.getValue(),
                        OffsetRecords.Kind.SNAPSHOT, now);
                if (builder.recordCount() > 0 && builder.estimatedSizeInBytes() + recordBytes(record)
                        > maxBatchBytes - BATCH_SLACK_BYTES) {
                    appends.add(partition.append(builder.build(), AckLevel.COMMITTED));
                    builder = BatchBuilder.create();
                }
                builder.add(record);
            }
        }
        if (builder.recordCount() > 0) {
            appends.add(partition.append(builder.build(), AckLevel.COMMITTED));
        }
        if (appends.isEmpty()) {
            return;
        }
        snapshotInFlight = true;
        bytesSinceSnapshot = 0;
        CompletableFuture<AppendResult> first = appends.getFirst();
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new))
                .thenApplyAsync(committed -> partition.deleteSegmentsBefore(first.join().baseOffset()), background)
                .whenCompleteAsync((deleted, error) -> { // never on the log's thread: it takes this store's lock
                    if (error != null) {
                        LOG.warn("{}: a snapshot of the committed offsets failed ({}); the next one is written after"
                                + " another {} bytes of commits", InternalTopics.CONSUMER_OFFSETS, error.toString(),
                                snapshotAfterBytes);
                    } else {
                        LOG.debug("{}: snapshot from offset {} committed; {} segment(s) before it deleted",
                                InternalTopics.CONSUMER_OFFSETS, first.join().baseOffset(), deleted);
                    }
                    lock.lock();
                    try {
                        snapshotInFlight = false;
                    } finally {
                        lock.unlock();
                    }
                }, background);
    }

    /** Remembers stored offsets as the current ones; a forgotten partition goes, and a group left with none. */
    private void apply(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> groupOffsets = current.computeIfAbsent(group, name -> new HashMap<>());
        offsets.forEach((partition, offset) -> {
            if (offset == FORGOTTEN) {
                groupOffsets.remove(partition);
            } else {
                groupOffsets.put(partition, offset);
            }
        });
        if (groupOffsets.isEmpty()) {
            current.remove(group);
        }
    }

    /** A generous bound of a record's bytes in a batch: key, value, header and varint overhead. */
    private static int recordBytes(Record record) {
        int key = record.key() == null ? 0 : record.key().length;
        return key + record.value().length + 64;
    }

}
