package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;

/**
 * Where a partition starts and ends.
 *
 * @param errorCode          {@link ErrorCode#NONE}, or e.g. {@link ErrorCode#UNKNOWN_PARTITION} (offsets are then −1)
 * @param logStartOffset     its first offset
 * @param committedEndOffset the offset the next committed record will get (high watermark)
 */
public record EndOffsetResponse(ErrorCode errorCode, long logStartOffset, long committedEndOffset) implements Response {

    public EndOffsetResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    /** A failure, with offsets −1. */
    public static EndOffsetResponse failed(ErrorCode errorCode) {
        return new EndOffsetResponse(errorCode, -1L, -1L);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.END_OFFSET;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeLong(logStartOffset).writeLong(committedEndOffset);
    }

    public static EndOffsetResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "EndOffsetResponse.errorCode");
        return new EndOffsetResponse(errorCode, in.readLong("EndOffsetResponse.logStartOffset"),
                in.readLong("EndOffsetResponse.committedEndOffset"));
    }
}
