package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where each batch of a {@link ProduceRequest} landed, or why it did not. Topics and partitions come in
 * the order of the request, one result per batch.
 */
public record ProduceResponse(List<TopicResult> topics) implements Response {

    /** Offsets reported for a batch that was not appended. */
    public static final long NO_OFFSET = -1L;

    public ProduceResponse {
        topics = List.copyOf(topics);
    }

    /** Results for one topic, in request order. */
    public record TopicResult(String topic, List<PartitionResult> partitions) {
        public TopicResult {
            Objects.requireNonNull(topic, "topic");
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(topic).writeArray(partitions, PartitionResult::encode);
        }

        static TopicResult decode(WireReader in) {
            String topic = in.readString("ProduceResponse.topic");
            return new TopicResult(topic, in.readArray("ProduceResponse.partitions", 32, PartitionResult::decode));
        }
    }

    /**
     * The outcome of one batch.
     *
     * @param partition      the partition it was appended to (the broker's choice when the request said {@code -1})
     * @param errorCode      {@link ErrorCode#NONE}, or why the batch was not appended
     * @param errorMessage   detail for an error (names the limit, the expected sequence…); null when none
     * @param baseOffset     offset of the batch's first record, or {@link #NO_OFFSET}
     * @param lastOffset     offset of its last record, or {@link #NO_OFFSET}
     * @param logStartOffset the partition's first offset after the append, or {@link #NO_OFFSET}
     */
    public record PartitionResult(int partition, ErrorCode errorCode, @Nullable String errorMessage, long baseOffset,
            long lastOffset, long logStartOffset) {
        public PartitionResult {
            Objects.requireNonNull(errorCode, "errorCode");
        }

        /** A batch appended at {@code baseOffset … lastOffset}. */
        public static PartitionResult appended(int partition, long baseOffset, long lastOffset, long logStartOffset) {
            return new PartitionResult(partition, ErrorCode.NONE, null, baseOffset, lastOffset, logStartOffset);
        }

        /** A batch that was not appended. */
        public static PartitionResult failed(int partition, ErrorCode errorCode, @Nullable String errorMessage) {
            return new PartitionResult(partition, errorCode, errorMessage, NO_OFFSET, NO_OFFSET, NO_OFFSET);
        }

        void encode(WireWriter out) {
            out.writeInt(partition).writeShort(errorCode.code()).writeNullableString(errorMessage)
                    .writeLong(baseOffset).writeLong(lastOffset).writeLong(logStartOffset);
        }

        static PartitionResult decode(WireReader in) {
            return new PartitionResult(
                    in.readInt("ProduceResponse.partition"),
                    Fields.readErrorCode(in, "ProduceResponse.errorCode"),
                    in.readNullableString("ProduceResponse.errorMessage"),
                    in.readLong("ProduceResponse.baseOffset"),
                    in.readLong("ProduceResponse.lastOffset"),
                    in.readLong("ProduceResponse.logStartOffset"));
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.PRODUCE;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeArray(topics, TopicResult::encode);
    }

    public static ProduceResponse decode(WireReader in) {
        return new ProduceResponse(in.readArray("ProduceResponse.topics", Fields.MIN_STRING + Fields.MIN_ARRAY,
                TopicResult::decode));
    }
}
