package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether the topic's settings were changed (all of them, or none).
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not
 * @param errorMessage detail for an error (names the setting, the rule, the way out); null when none
 */
public record AlterTopicResponse(ErrorCode errorCode, @Nullable String errorMessage) implements Response {

    /** Success. */
    public static final AlterTopicResponse OK = new AlterTopicResponse(ErrorCode.NONE, null);

    public AlterTopicResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.ALTER_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
    }

    public static AlterTopicResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "AlterTopicResponse.errorCode");
        return new AlterTopicResponse(errorCode, in.readNullableString("AlterTopicResponse.errorMessage"));
    }
}
