package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Each topic asked for (or every topic), with its effective settings and its partitions' offsets and sizes. */
public record DescribeTopicsResponse(List<TopicDescription> topics) implements Response {

    public DescribeTopicsResponse {
        topics = List.copyOf(topics);
    }

    /**
     * @param name       the topic
     * @param errorCode  {@link ErrorCode#NONE}, or e.g. {@link ErrorCode#UNKNOWN_TOPIC} (then nothing else)
     * @param configs    the topic's effective settings, in the order of the docs
     * @param partitions its partitions, by number
     */
    public record TopicDescription(String name, ErrorCode errorCode, Map<String, String> configs,
            List<PartitionDescription> partitions) {
        public TopicDescription {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(errorCode, "errorCode");
            configs = Fields.orderedCopy(configs);
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(name).writeShort(errorCode.code()).writeStringMap(configs)
                    .writeArray(partitions, PartitionDescription::encode);
        }

        static TopicDescription decode(WireReader in) {
            String name = in.readString("DescribeTopicsResponse.topic");
            ErrorCode errorCode = Fields.readErrorCode(in, "DescribeTopicsResponse.errorCode");
            Map<String, String> configs = in.readStringMap("DescribeTopicsResponse.configs");
            return new TopicDescription(name, errorCode, configs,
                    in.readArray("DescribeTopicsResponse.partitions", 36, PartitionDescription::decode));
        }
    }

    /**
     * @param partition          the partition
     * @param logStartOffset     its first offset
     * @param endOffset          the offset the next appended record will get (written, maybe not committed)
     * @param committedEndOffset the offset the next committed record will get (high watermark)
     * @param sizeBytes          bytes of its segments on disk
     */
    public record PartitionDescription(int partition, long logStartOffset, long endOffset, long committedEndOffset,
            long sizeBytes) {
        void encode(WireWriter out) {
            out.writeInt(partition).writeLong(logStartOffset).writeLong(endOffset).writeLong(committedEndOffset)
                    .writeLong(sizeBytes);
        }

        static PartitionDescription decode(WireReader in) {
            return new PartitionDescription(
                    in.readInt("DescribeTopicsResponse.partition"),
                    in.readLong("DescribeTopicsResponse.logStartOffset"),
                    in.readLong("DescribeTopicsResponse.endOffset"),
                    in.readLong("DescribeTopicsResponse.committedEndOffset"),
                    in.readLong("DescribeTopicsResponse.sizeBytes"));
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_TOPICS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeArray(topics, TopicDescription::encode);
    }

    public static DescribeTopicsResponse decode(WireReader in) {
        return new DescribeTopicsResponse(in.readArray("DescribeTopicsResponse.topics",
                Fields.MIN_STRING + 2 + Fields.MIN_ARRAY + Fields.MIN_ARRAY, TopicDescription::decode));
    }
}
