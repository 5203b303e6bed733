package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.wire.ProtocolLimits;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The example frames of docs/protocol.md ("Examples"), byte for byte, both ways. {@code ProtocolDocTest}
 * checks that the docs print these very strings.
 */
class WireExamplesTest {

    /** END_OFFSET request, correlation id 7, client id "cli", topic "orders", partition 0. */
    static final String END_OFFSET_REQUEST =
            "00 00 00 19 00 07 00 01 00 00 00 07 00 03 63 6c 69 00 06 6f 72 64 65 72 73 00 00 00 00";
    /** Its answer: no error, log start offset 0, committed end offset 42. */
    static final String END_OFFSET_RESPONSE =
            "00 00 00 18 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 2a";
    /** A request refused as a whole: UNSUPPORTED_API with the message "api key 99". */
    static final String ERROR_RESPONSE =
            "00 00 00 12 00 00 00 07 00 0e 00 0a 61 70 69 20 6b 65 79 20 39 39";

    private final RequestCodec requests = new RequestCodec(ProtocolLimits.DEFAULT);
    private final ResponseCodec responses = new ResponseCodec(ProtocolLimits.DEFAULT);

    @Test
    void endOffsetRequest() {
        EndOffsetRequest request = new EndOffsetRequest("orders", 0);

        assertThat(Frames.hex(requests.encode(7, "cli", request))).isEqualTo(END_OFFSET_REQUEST);
        assertThat(requests.decode(Frames.body(bytes(END_OFFSET_REQUEST))))
                .isEqualTo(new DecodedRequest.Accepted(RequestHeader.of(ApiKey.END_OFFSET, 7, "cli"), request));
    }

    @Test
    void endOffsetResponse() {
        EndOffsetResponse response = new EndOffsetResponse(ErrorCode.NONE, 0, 42);

        assertThat(Frames.hex(responses.encode(7, response))).isEqualTo(END_OFFSET_RESPONSE);
        assertThat(responses.decode(Frames.body(bytes(END_OFFSET_RESPONSE)), ApiKey.END_OFFSET))
                .isEqualTo(new DecodedResponse.Success(7, response));
    }

    @Test
    void errorResponse() {
        assertThat(Frames.hex(responses.encodeError(7, ErrorCode.UNSUPPORTED_API, "api key 99"))).isEqualTo(ERROR_RESPONSE);
        assertThat(responses.decode(Frames.body(bytes(ERROR_RESPONSE)), ApiKey.END_OFFSET))
                .isEqualTo(new DecodedResponse.Failure(7, ErrorCode.UNSUPPORTED_API, "api key 99"));
    }

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.ofDelimiter(" ").parseHex(hex));
    }
}
