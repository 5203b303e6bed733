package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the topic was created.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not
 * @param errorMessage detail for an error (names the setting, the rule, the way out); null when none
 */
public record CreateTopicResponse(ErrorCode errorCode, @Nullable String errorMessage) implements Response {

    /** Success. */
    public static final CreateTopicResponse OK = new CreateTopicResponse(ErrorCode.NONE, null);

    public CreateTopicResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
    }

    public static CreateTopicResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "CreateTopicResponse.errorCode");
        return new CreateTopicResponse(errorCode, in.readNullableString("CreateTopicResponse.errorMessage"));
    }
}
