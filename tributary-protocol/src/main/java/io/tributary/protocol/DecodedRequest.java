package io.tributary.protocol;

import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.Request;

/**
 * What {@link RequestCodec#decode} made of a frame whose header could be read. Either way the broker
 * answers with the header's correlation id and keeps the connection:
 *
 * <pre>{@code
 * switch (requestCodec.decode(frame.body())) {
 *     case DecodedRequest.Accepted(RequestHeader header, Request request) -> handle(header, request);
 *     case DecodedRequest.Rejected(RequestHeader header, ErrorCode error, String message) ->
 *             send(responseCodec.encodeError(header.correlationId(), error, message));
 * }
 * }</pre>
 */
public sealed interface DecodedRequest {

    /** The request's header. */
    RequestHeader header();

    /** A request this build speaks, with its decoded body. */
    record Accepted(RequestHeader header, Request request) implements DecodedRequest {
    }

    /**
     * A request to answer with an error and no body: {@link ErrorCode#UNSUPPORTED_API},
     * {@link ErrorCode#UNSUPPORTED_VERSION}, {@link ErrorCode#INVALID_REQUEST} (a body that does not
     * follow the protocol) or {@link ErrorCode#CORRUPT_MESSAGE} (a batch whose header is corrupt).
     *
     * @param message what was wrong, naming the field, the value and the limit
     */
    record Rejected(RequestHeader header, ErrorCode errorCode, String message) implements DecodedRequest {
    }
}
