package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the commit was kept: all of its offsets, durable, or none of them.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not
 * @param errorMessage detail for an error (names the group, the member, the way out); null when none
 */
public record CommitOffsetsResponse(ErrorCode errorCode, @Nullable String errorMessage) implements Response {

    /** Success. */
    public static final CommitOffsetsResponse OK = new CommitOffsetsResponse(ErrorCode.NONE, null);

    public CommitOffsetsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.COMMIT_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
    }

    public static CommitOffsetsResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "CommitOffsetsResponse.errorCode");
        return new CommitOffsetsResponse(errorCode, in.readNullableString("CommitOffsetsResponse.errorMessage"));
    }
}
