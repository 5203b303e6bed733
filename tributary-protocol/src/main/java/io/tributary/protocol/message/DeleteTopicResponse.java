package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the topic was deleted.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not
 * @param errorMessage detail for an error (names the setting, the rule, the way out); null when none
 */
public record DeleteTopicResponse(ErrorCode errorCode, @Nullable String errorMessage) implements Response {

    /** Success. */
    public static final DeleteTopicResponse OK = new DeleteTopicResponse(ErrorCode.NONE, null);

    public DeleteTopicResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
    }

    public static DeleteTopicResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "DeleteTopicResponse.errorCode");
        return new DeleteTopicResponse(errorCode, in.readNullableString("DeleteTopicResponse.errorMessage"));
    }
}
