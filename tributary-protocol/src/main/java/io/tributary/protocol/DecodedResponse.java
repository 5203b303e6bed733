package io.tributary.protocol;

import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.Response;
import org.jspecify.annotations.Nullable;

/** What {@link ResponseCodec#decode} made of a response frame: a body, or the error that replaced it. */
public sealed interface DecodedResponse {

    /** The correlation id of the request this answers. */
    int correlationId();

    /** The request was processed; per-entry errors, if any, are in the body. */
    record Success(int correlationId, Response response) implements DecodedResponse {
    }

    /** The request was refused as a whole; there is no body. */
    record Failure(int correlationId, ErrorCode errorCode, @Nullable String message) implements DecodedResponse {
    }
}
