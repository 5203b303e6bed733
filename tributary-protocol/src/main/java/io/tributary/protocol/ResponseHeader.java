package io.tributary.protocol;

import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What precedes every response:
 *
 * <pre>
 * int32  correlationId  the request's
 * int16  errorCode      0 when the request was processed; else why it was not as a whole
 * string errorMessage   only when errorCode != 0: int16 length + UTF-8, −1 for none
 * </pre>
 *
 * <p>A response with an error code in its header has no body: the request as a whole was refused (an
 * api or version this broker does not speak, a body that does not decode). Errors of one topic or
 * partition sit in the body.
 *
 * @param errorMessage null when {@code errorCode} is {@link ErrorCode#NONE}
 */
public record ResponseHeader(int correlationId, ErrorCode errorCode, @Nullable String errorMessage) {

    public ResponseHeader {
        Objects.requireNonNull(errorCode, "errorCode");
        if (errorCode == ErrorCode.NONE && errorMessage != null) {
            throw new IllegalArgumentException("a response without error carries no error message, got: " + errorMessage);
        }
    }

    /** The header of a processed request. */
    public static ResponseHeader success(int correlationId) {
        return new ResponseHeader(correlationId, ErrorCode.NONE, null);
    }

    public boolean isError() {
        return errorCode != ErrorCode.NONE;
    }

    public void encode(WireWriter out) {
        out.writeInt(correlationId).writeShort(errorCode.code());
        if (isError()) {
            out.writeNullableString(errorMessage);
        }
    }

    /** An unknown error code reads as {@link ErrorCode#UNKNOWN_SERVER_ERROR}, message included. */
    public static ResponseHeader decode(WireReader in) {
        int correlationId = in.readInt("ResponseHeader.correlationId");
        short code = in.readShort("ResponseHeader.errorCode");
        if (code == ErrorCode.NONE.code()) {
            return success(correlationId);
        }
        String message = in.readNullableString("ResponseHeader.errorMessage");
        ErrorCode errorCode = ErrorCode.forCode(code);
        if (!ErrorCode.isKnown(code)) {
            message = "error code " + code + " (unknown to this client)" + (message == null ? "" : ": " + message);
        }
        return new ResponseHeader(correlationId, errorCode, message);
    }
}
