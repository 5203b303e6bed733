package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group in detail.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or e.g. {@link ErrorCode#UNKNOWN_GROUP} (then the other fields are empty)
 * @param errorMessage detail for an error; null when none
 * @param group        the group's name
 * @param state        a {@link GroupStateCode}
 * @param generation   its generation (0 for a group with committed offsets only)
 * @param members      its members, by member id
 * @param partitions   its progress per partition, by topic and partition
 */
public record DescribeGroupResponse(ErrorCode errorCode, @Nullable String errorMessage, String group, byte state,
        int generation, List<Member> members, List<PartitionProgress> partitions) implements Response {

    /** {@code committed} of a partition the group never committed. */
    public static final long NO_OFFSET = -1L;

    public DescribeGroupResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(group, "group");
        members = List.copyOf(members);
        partitions = List.copyOf(partitions);
    }

    /**
     * @param memberId        its id
     * @param clientId        who it is
     * @param topics          what it subscribes to
     * @param owned           the partitions it holds now
     * @param target          the partitions the coordinator assigns it
     * @param lastHeartbeatMs when its last heartbeat arrived, in epoch milliseconds
     */
    public record Member(String memberId, String clientId, List<String> topics, List<TopicPartitions> owned,
            List<TopicPartitions> target, long lastHeartbeatMs) {
        static final int MIN_BYTES = 2 * Fields.MIN_STRING + 3 * Fields.MIN_ARRAY + Long.BYTES;

        public Member {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(clientId, "clientId");
            topics = List.copyOf(topics);
            owned = List.copyOf(owned);
            target = List.copyOf(target);
        }

        void encode(WireWriter out) {
            out.writeString(memberId).writeString(clientId).writeStringArray(topics);
            TopicPartitions.writeAll(out, owned);
            TopicPartitions.writeAll(out, target);
            out.writeLong(lastHeartbeatMs);
        }

        static Member decode(WireReader in) {
            String memberId = in.readString("DescribeGroupResponse.memberId");
            String clientId = in.readString("DescribeGroupResponse.clientId");
            List<String> topics = in.readStringArray("DescribeGroupResponse.topics");
            List<TopicPartitions> owned = TopicPartitions.readAll(in, "DescribeGroupResponse.owned");
            List<TopicPartitions> target = TopicPartitions.readAll(in, "DescribeGroupResponse.target");
            return new Member(memberId, clientId, topics, owned, target, in.readLong("DescribeGroupResponse.lastHeartbeatMs"));
        }
    }

    /**
     * @param topic          the topic
     * @param partition      the partition
     * @param owner          the member holding it, or null
     * @param committed      the group's committed offset, or {@link #NO_OFFSET}
     * @param logStartOffset the partition's first offset
     * @param endOffset      the partition's committed end offset
     */
    public record PartitionProgress(String topic, int partition, @Nullable String owner, long committed,
            long logStartOffset, long endOffset) {
        static final int MIN_BYTES = Fields.MIN_STRING + Integer.BYTES + Fields.MIN_STRING + 3 * Long.BYTES;

        public PartitionProgress {
            Objects.requireNonNull(topic, "topic");
        }

        void encode(WireWriter out) {
            out.writeString(topic).writeInt(partition).writeNullableString(owner).writeLong(committed)
                    .writeLong(logStartOffset).writeLong(endOffset);
        }

        static PartitionProgress decode(WireReader in) {
            return new PartitionProgress(in.readString("DescribeGroupResponse.topic"),
                    in.readInt("DescribeGroupResponse.partition"),
                    in.readNullableString("DescribeGroupResponse.owner"),
                    in.readLong("DescribeGroupResponse.committed"),
                    in.readLong("DescribeGroupResponse.logStartOffset"),
                    in.readLong("DescribeGroupResponse.endOffset"));
        }
    }

    /** A failure: no group name, state EMPTY, generation 0, no members, no partitions. */
    public static DescribeGroupResponse failed(ErrorCode errorCode, @Nullable String errorMessage) {
        return new DescribeGroupResponse(errorCode, errorMessage, "", GroupStateCode.EMPTY, 0, List.of(), List.of());
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_GROUP;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage).writeString(group).writeByte(state)
                .writeInt(generation).writeArray(members, Member::encode).writeArray(partitions, PartitionProgress::encode);
    }

    public static DescribeGroupResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "DescribeGroupResponse.errorCode");
        String errorMessage = in.readNullableString("DescribeGroupResponse.errorMessage");
        String group = in.readString("DescribeGroupResponse.group");
        byte state = in.readByte("DescribeGroupResponse.state");
        int generation = in.readInt("DescribeGroupResponse.generation");
        List<Member> members = in.readArray("DescribeGroupResponse.members", Member.MIN_BYTES, Member::decode);
        return new DescribeGroupResponse(errorCode, errorMessage, group, state, generation, members,
                in.readArray("DescribeGroupResponse.partitions", PartitionProgress.MIN_BYTES, PartitionProgress::decode));
    }
}
