package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;

/**
 * A member leaves its group; its partitions go to the others at once. Idempotent: leaving a group that does
 * not know the member does nothing.
 *
 * @param group    the group
 * @param memberId the member
 */
public record LeaveGroupRequest(String group, String memberId) implements Request {

    public LeaveGroupRequest {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(memberId, "memberId");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LEAVE_GROUP;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group).writeString(memberId);
    }

    public static LeaveGroupRequest decode(WireReader in) {
        String group = in.readString("LeaveGroupRequest.group");
        return new LeaveGroupRequest(group, in.readString("LeaveGroupRequest.memberId"));
    }
}
