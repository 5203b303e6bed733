package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the member left (a member the group does not know has left already).
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not
 * @param errorMessage detail for an error (names the group, the member, the way out); null when none
 */
public record LeaveGroupResponse(ErrorCode errorCode, @Nullable String errorMessage) implements Response {

    /** Success. */
    public static final LeaveGroupResponse OK = new LeaveGroupResponse(ErrorCode.NONE, null);

    public LeaveGroupResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LEAVE_GROUP;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
    }

    public static LeaveGroupResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "LeaveGroupResponse.errorCode");
        return new LeaveGroupResponse(errorCode, in.readNullableString("LeaveGroupResponse.errorMessage"));
    }
}
