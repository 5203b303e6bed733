package io.tributary.broker.group;

import io.tributary.api.Record;
import io.tributary.api.TopicName;
import io.tributary.api.TopicPartition;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.format.RecordBatch;
import io.tributary.group.coordinator.TopicCatalog;
import io.tributary.log.ReadResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@link TopicCatalog} of the broker's topics: partition counts from the {@link TopicRegistry}, offsets
 * from each partition's {@link PartitionState} (the committed end, never records that are not durable yet).
 * Thread-safe; everything but {@link #offsetForTime} answers from memory.
 */
final class RegistryTopicCatalog implements TopicCatalog {

    private final TopicRegistry topics;

    RegistryTopicCatalog(TopicRegistry topics) {
        this.topics = topics;
    }

    @Override
    public int partitions(String topic) {
        if (!TopicName.isValid(topic)) {
            return 0;
        }
        return topics.find(TopicName.of(topic)).map(found -> found.partitions().size()).orElse(0);
    }

    @Override
    public long logStartOffset(TopicPartition partition) {
        return partition(partition).state().logStartOffset();
    }

    @Override
    public long endOffset(TopicPartition partition) {
        return partition(partition).state().committedEndOffset();
    }

    /**
     * Scans the committed batches from the log start: a batch whose newest timestamp is before {@code time}
     * is skipped whole (records within a batch need not be in timestamp order), otherwise the first record
     * at or after {@code time} is the answer. Reads {@value ChunkedReads#READ_BYTES} bytes at a time.
     */
    @Override
    public long offsetForTime(TopicPartition topicPartition, Instant time) {
        Partition partition = partition(topicPartition);
        long millis = epochMillisClamped(time);
        long offset = partition.state().logStartOffset();
        while (true) {
            switch (partition.read(offset, ChunkedReads.READ_BYTES, Duration.ZERO).join()) {
                case ReadResult.Records records -> {
                    for (RecordBatch batch : ChunkedReads.batches(records, topicPartition.toString())) {
                        long found = firstAtOrAfter(batch, millis, offset);
                        if (found >= 0) {
                            return found;
                        }
                    }
                    offset = records.nextOffset();
                }
                case ReadResult.BelowLogStart below -> offset = below.logStartOffset(); // retention ran meanwhile
                case ReadResult.NoRecords none -> {
                    return none.committedEndOffset();
                }
            }
        }
    }

    /**
     * {@code time} in epoch milliseconds, clamped to what a long holds ({@link Instant#toEpochMilli()} throws beyond
     * it): like the instant, the bound is after, or before, every record's timestamp.
     */
    private static long epochMillisClamped(Instant time) {
        return time.getEpochSecond() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
                : time.getEpochSecond() <= Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : time.toEpochMilli();
    }

    /** The offset of the first record of {@code batch} at or after {@code from} stamped {@code millis} or later; −1 if none. */
    private static long firstAtOrAfter(RecordBatch batch, long millis, long from) {
        if (batch.header().maxTimestamp() < millis) {
            return -1;
        }
        List<Record> records = batch.records();
        for (int index = 0; index < records.size(); index++) {
            long offset = batch.baseOffset() + index;
            if (offset >= from && records.get(index).timestamp() >= millis) {
                return offset;
            }
        }
        return -1;
    }

    private Partition partition(TopicPartition partition) {
        return topics.require(partition.topic()).partition(partition.partition());
    }
}
