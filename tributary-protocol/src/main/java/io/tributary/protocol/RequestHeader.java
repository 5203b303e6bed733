package io.tributary.protocol;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What precedes every request body:
 *
 * <pre>
 * int16  apiKey         {@link ApiKey#id()}
 * int16  apiVersion     the version of that api the body is written in
 * int32  correlationId  chosen by the client, echoed by the response
 * string clientId       int16 length + UTF-8, −1 for none; for logs and metrics
 * </pre>
 *
 * <p>The api key is kept as its raw number, so that a request for an api this build does not know can
 * still be answered (with {@link io.tributary.protocol.message.ErrorCode#UNSUPPORTED_API}).
 */
public record RequestHeader(short apiKey, short apiVersion, int correlationId, @Nullable String clientId) {

    /** Bytes of the fixed fields plus the client id's length. */
    public static final int MIN_SIZE = 10;

    /** The header of a request of {@code api} at its current version. */
    public static RequestHeader of(ApiKey api, int correlationId, @Nullable String clientId) {
        return new RequestHeader(api.id(), api.currentVersion(), correlationId, clientId);
    }

    /** The api, when this build knows it. */
    public Optional<ApiKey> knownApi() {
        return ApiKey.forId(apiKey);
    }

    public void encode(WireWriter out) {
        out.writeShort(apiKey).writeShort(apiVersion).writeInt(correlationId).writeNullableString(clientId);
    }

    /** @throws io.tributary.protocol.wire.ProtocolException if the frame is too short or the client id malformed */
    public static RequestHeader decode(WireReader in) {
        short apiKey = in.readShort("RequestHeader.apiKey");
        short apiVersion = in.readShort("RequestHeader.apiVersion");
        int correlationId = in.readInt("RequestHeader.correlationId");
        return new RequestHeader(apiKey, apiVersion, correlationId, in.readNullableString("RequestHeader.clientId"));
    }
}
