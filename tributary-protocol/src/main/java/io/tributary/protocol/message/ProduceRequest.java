package io.tributary.protocol.message;

import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Appends one batch per entry to partitions of topics. Each batch travels as an int32 size and its bytes
 * exactly as {@code tributary-format} built them: the broker hands the decoded {@link RecordBatch} to the
 * log, which writes its base offset in place; nothing is re-encoded.
 *
 * <p>Decoded batches share the frame's bytes. The broker must not reuse the frame's buffer until the log's
 * {@code append} has returned (the bytes are written by then; the commit may complete later).
 *
 * @param waitForCommit whether the response waits until the batches are committed (durable); if false it
 *                      is sent once they are written
 * @param timeoutMs     how long the broker may wait for commit before answering {@link ErrorCode#TIMED_OUT}
 * @param topics        the topics, each with its batches; the response lists results in the same order
 */
public record ProduceRequest(boolean waitForCommit, int timeoutMs, List<TopicData> topics) implements Request {

    /** Partition number that lets the broker choose: by the batch's key, else round robin. */
    public static final int ANY_PARTITION = -1;

    public ProduceRequest {
        topics = List.copyOf(topics);
    }

    /** Batches for one topic. */
    public record TopicData(String topic, List<PartitionData> partitions) {
        public TopicData {
            Objects.requireNonNull(topic, "topic");
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(topic).writeArray(partitions, PartitionData::encode);
        }

        static TopicData decode(WireReader in) {
            String topic = in.readString("ProduceRequest.topic");
            return new TopicData(topic, in.readArray("ProduceRequest.partitions", 8, PartitionData::decode));
        }
    }

    /**
     * One batch for one partition.
     *
     * @param partition the partition, or {@link #ANY_PARTITION}
     * @param batch     whole batch; {@code equals} compares its bytes
     */
    public record PartitionData(int partition, RecordBatch batch) {
        public PartitionData {
            Objects.requireNonNull(batch, "batch");
        }

        void encode(WireWriter out) {
            out.writeInt(partition).writeRecords(MemoryRecords.of(batch));
        }

        static PartitionData decode(WireReader in) {
            int partition = in.readInt("ProduceRequest.partition");
            ByteBuffer bytes = in.readBytes("ProduceRequest.batch");
            try {
                return new PartitionData(partition, RecordBatch.wrap(bytes));
            } catch (CorruptBatchException e) {
                throw new ProtocolException("ProduceRequest.batch for partition " + partition + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PartitionData that && partition == that.partition
                    && batch.buffer().equals(that.batch.buffer());
        }

        @Override
        public int hashCode() {
            return 31 * partition + batch.buffer().hashCode();
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.PRODUCE;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeBoolean(waitForCommit).writeInt(timeoutMs).writeArray(topics, TopicData::encode);
    }

    /** Reads what {@link #encode} wrote; batch headers are checked, checksums are not (the log checks them). */
    public static ProduceRequest decode(WireReader in) {
        boolean waitForCommit = in.readBoolean("ProduceRequest.waitForCommit");
        int timeoutMs = in.readInt("ProduceRequest.timeoutMs");
        return new ProduceRequest(waitForCommit, timeoutMs,
                in.readArray("ProduceRequest.topics", Fields.MIN_STRING + Fields.MIN_ARRAY, TopicData::decode));
    }
}
