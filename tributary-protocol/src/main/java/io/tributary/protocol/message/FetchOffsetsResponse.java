package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group's committed offsets; a partition the group never committed is absent.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not (then no offsets)
 * @param errorMessage detail for an error; null when none
 * @param offsets      the committed offsets, by topic
 */
public record FetchOffsetsResponse(ErrorCode errorCode, @Nullable String errorMessage, List<TopicOffsets> offsets)
        implements Response {

    public FetchOffsetsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        offsets = List.copyOf(offsets);
    }

    /** A failure, without offsets. */
    public static FetchOffsetsResponse failed(ErrorCode errorCode, @Nullable String errorMessage) {
        return new FetchOffsetsResponse(errorCode, errorMessage, List.of());
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage);
        TopicOffsets.writeAll(out, offsets);
    }

    public static FetchOffsetsResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "FetchOffsetsResponse.errorCode");
        String errorMessage = in.readNullableString("FetchOffsetsResponse.errorMessage");
        return new FetchOffsetsResponse(errorCode, errorMessage, TopicOffsets.readAll(in, "FetchOffsetsResponse.offsets"));
    }
}
