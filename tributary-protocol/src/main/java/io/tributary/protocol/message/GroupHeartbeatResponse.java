package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's answer to a heartbeat: the partitions the member may hold now.
 *
 * @param errorCode           {@link ErrorCode#NONE}, or e.g. {@link ErrorCode#UNKNOWN_MEMBER} (then the other
 *                            fields are empty)
 * @param errorMessage        detail for an error; null when none
 * @param memberId            the member
 * @param generation          the group's generation, for the member's next heartbeat and its commits
 * @param heartbeatIntervalMs when to heartbeat next, in milliseconds
 * @param assigned            the partitions the member may hold now
 */
public record GroupHeartbeatResponse(ErrorCode errorCode, @Nullable String errorMessage, String memberId, int generation,
        int heartbeatIntervalMs, List<TopicPartitions> assigned) implements Response {

    public GroupHeartbeatResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(memberId, "memberId");
        assigned = List.copyOf(assigned);
    }

    /** A failure: no member, generation 0, no partitions. */
    public static GroupHeartbeatResponse failed(ErrorCode errorCode, @Nullable String errorMessage) {
        return new GroupHeartbeatResponse(errorCode, errorMessage, "", 0, 0, List.of());
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.GROUP_HEARTBEAT;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage).writeString(memberId).writeInt(generation)
                .writeInt(heartbeatIntervalMs);
        TopicPartitions.writeAll(out, assigned);
    }

    public static GroupHeartbeatResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "GroupHeartbeatResponse.errorCode");
        String errorMessage = in.readNullableString("GroupHeartbeatResponse.errorMessage");
        String memberId = in.readString("GroupHeartbeatResponse.memberId");
        int generation = in.readInt("GroupHeartbeatResponse.generation");
        int heartbeatIntervalMs = in.readInt("GroupHeartbeatResponse.heartbeatIntervalMs");
        return new GroupHeartbeatResponse(errorCode, errorMessage, memberId, generation, heartbeatIntervalMs,
                TopicPartitions.readAll(in, "GroupHeartbeatResponse.assigned"));
    }
}
