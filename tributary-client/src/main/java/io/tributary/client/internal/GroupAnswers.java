package io.tributary.client.internal;

import io.tributary.api.TopicPartition;
import io.tributary.api.TributaryException;
import io.tributary.group.Assignment;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupState;
import io.tributary.group.GroupSummary;
import io.tributary.group.MemberDescription;
import io.tributary.group.OffsetReset;
import io.tributary.group.PartitionProgress;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.GroupStateCode;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns the group apis' answers into the {@code io.tributary.group} records, and offset resets into requests.
 * An answer that breaks the records' rules (a broker bug, a newer broker) is a {@link TributaryException}
 * that names the call, never an {@link IllegalArgumentException} from deep inside.
 */
final class GroupAnswers {

    private GroupAnswers() {
    }

    static Assignment assignment(GroupHeartbeatResponse response, String context) {
        return valid(context, () -> new Assignment(response.memberId(), response.generation(),
                TopicPartitions.toSet(response.assigned()), Duration.ofMillis(response.heartbeatIntervalMs())));
    }

    static Map<TopicPartition, Long> offsets(List<TopicOffsets> offsets, String context) {
        return valid(context, () -> TopicOffsets.toMap(offsets));
    }

    static List<GroupSummary> summaries(ListGroupsResponse response) {
        return valid("list groups", () -> response.groups().stream()
                .map(group -> new GroupSummary(group.group(), state(group.state(), group.group()), group.members(),
                        group.generation()))
                .toList());
    }

    static GroupDescription description(DescribeGroupResponse response, String context) {
        return valid(context, () -> new GroupDescription(response.group(), state(response.state(), response.group()),
                response.generation(),
                response.members().stream().map(member -> new MemberDescription(member.memberId(), member.clientId(),
                        member.topics(), TopicPartitions.toSet(member.owned()), TopicPartitions.toSet(member.target()),
                        Instant.ofEpochMilli(member.lastHeartbeatMs()))).toList(),
                response.partitions().stream().map(partition -> new PartitionProgress(
                        TopicPartition.of(partition.topic(), partition.partition()), partition.owner(),
                        partition.committed() == DescribeGroupResponse.NO_OFFSET ? OptionalLong.empty()
                                : OptionalLong.of(partition.committed()),
                        partition.logStartOffset(), partition.endOffset())).toList()));
    }

    static ResetOffsetsRequest resetRequest(String group, @Nullable String topic, OffsetReset to) {
        return switch (to) {
            case OffsetReset.Earliest earliest -> new ResetOffsetsRequest(group, topic, ResetOffsetsRequest.EARLIEST, 0);
            case OffsetReset.Latest latest -> new ResetOffsetsRequest(group, topic, ResetOffsetsRequest.LATEST, 0);
            case OffsetReset.ToOffset offset -> new ResetOffsetsRequest(group, topic, ResetOffsetsRequest.OFFSET,
                    offset.offset());
            case OffsetReset.ToTime time -> new ResetOffsetsRequest(group, topic, ResetOffsetsRequest.TIME,
                    time.time().toEpochMilli());
        };
    }

    private static GroupState state(byte code, String group) {
        return switch (code) {
            case GroupStateCode.EMPTY -> GroupState.EMPTY;
            case GroupStateCode.STABLE -> GroupState.STABLE;
            case GroupStateCode.REBALANCING -> GroupState.REBALANCING;
            default -> throw new IllegalArgumentException("group " + group + " is in state " + code
                    + ", which this client does not know; upgrade the client");
        };
    }

    private static <T> T valid(String context, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException | TributaryException e) {
            throw new TributaryException(context + ": the broker's answer does not make sense to this client: "
                    + e.getMessage(), e);
        }
    }
}
