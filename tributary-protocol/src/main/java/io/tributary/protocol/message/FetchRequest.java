package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * Reads committed batches from partitions, from an offset on. When none of the partitions has anything
 * at its offset the broker waits up to {@code maxWaitMs} for records to be committed (long poll).
 *
 * @param maxWaitMs most milliseconds to wait for new records; 0 answers at once
 * @param maxBytes  most record bytes in the whole response; the first batch of the first partition with
 *                  data is sent whole even if it is larger, so a consumer never gets stuck
 * @param topics    what to read
 */
public record FetchRequest(int maxWaitMs, int maxBytes, List<TopicData> topics) implements Request {

    public FetchRequest {
        topics = List.copyOf(topics);
    }

    /** Partitions to read of one topic. */
    public record TopicData(String topic, List<PartitionData> partitions) {
        public TopicData {
            Objects.requireNonNull(topic, "topic");
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(topic).writeArray(partitions, PartitionData::encode);
        }

        static TopicData decode(WireReader in) {
            String topic = in.readString("FetchRequest.topic");
            return new TopicData(topic, in.readArray("FetchRequest.partitions", 16, PartitionData::decode));
        }
    }

    /**
     * @param partition         the partition
     * @param fetchOffset       offset of the first record wanted
     * @param partitionMaxBytes most record bytes from this partition (same exception for a first large batch)
     */
    public record PartitionData(int partition, long fetchOffset, int partitionMaxBytes) {
        void encode(WireWriter out) {
            out.writeInt(partition).writeLong(fetchOffset).writeInt(partitionMaxBytes);
        }

        static PartitionData decode(WireReader in) {
            return new PartitionData(
                    in.readInt("FetchRequest.partition"),
                    in.readLong("FetchRequest.fetchOffset"),
                    in.readInt("FetchRequest.partitionMaxBytes"));
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeInt(maxWaitMs).writeInt(maxBytes).writeArray(topics, TopicData::encode);
    }

    public static FetchRequest decode(WireReader in) {
        int maxWaitMs = in.readInt("FetchRequest.maxWaitMs");
        int maxBytes = in.readInt("FetchRequest.maxBytes");
        return new FetchRequest(maxWaitMs, maxBytes,
                in.readArray("FetchRequest.topics", Fields.MIN_STRING + Fields.MIN_ARRAY, TopicData::decode));
    }
}
