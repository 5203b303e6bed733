package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The group's new committed offsets after a reset, durable.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not (then no offsets)
 * @param errorMessage detail for an error; null when none
 * @param offsets      the new committed offset of every partition reset, by topic
 */
public record ResetOffsetsResponse(ErrorCode errorCode, @Nullable String errorMessage, List<TopicOffsets> offsets)
        implements Response {

    public ResetOffsetsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        offsets = List.copyOf(offsets);
    }

    /** A failure, without offsets. */
    public static ResetOffsetsResponse failed(ErrorCode errorCode, @Nullable String errorMessage) {
        return new ResetOffsetsResponse(errorCode, errorMessage, List.of());
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.RESET_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
        TopicOffsets.writeAll(out, offsets);
    }

    public static ResetOffsetsResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "ResetOffsetsResponse.errorCode");
        String errorMessage = in.readNullableString("ResetOffsetsResponse.errorMessage");
        return new ResetOffsetsResponse(errorCode, errorMessage, TopicOffsets.readAll(in, "ResetOffsetsResponse.offsets"));
    }
}
