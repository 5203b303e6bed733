package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a peer sends, decoding ends in one of the outcomes the protocol defines, and allocates
 * memory in proportion to the bytes that arrived, never to the lengths they declare:
 *
 * <ul>
 *   <li>broker side: {@link DecodedRequest.Accepted}, {@link DecodedRequest.Rejected} (answered, the
 *       connection stays), or a {@link ProtocolException} when the header itself is unreadable (the
 *       connection is closed);</li>
 *   <li>client side: {@link DecodedResponse} or a {@link ProtocolException}.</li>
 * </ul>
 *
 * No other exception, no {@link OutOfMemoryError}. The worst ratio of heap to wire bytes is a map of
 * one-byte strings (each becomes a {@code String}, its array, a decoder buffer and a map entry); 128
 * bytes per wire byte covers it with room to spare, and is a far cry from what a believed 2 GiB length
 * would cost.
 */
class HostileFrameProperties {

    private static final int HEAP_BYTES_PER_WIRE_BYTE = 128;
    private static final int FIXED_HEAP_BYTES = 64 << 10;

    private final RequestCodec requests = new RequestCodec(ProtocolLimits.DEFAULT);
    private final ResponseCodec responses = new ResponseCodec(ProtocolLimits.DEFAULT);

    @Property(tries = 1000)
    void anyBytesAtAll_areDecodedOrRefused_withNothingButAProtocolException(
            @ForAll @Size(max = 64) byte[] body) {
        Object outcome = decodeRequest(requests, ByteBuffer.wrap(body));

        assertThat(outcome).isInstanceOfAny(DecodedRequest.class, ProtocolException.class);
    }

    @Property(tries = 1000)
    void anyBodyAfterAValidHeader_isAcceptedOrRejected_neverAnExceptionThatClosesTheConnection(
            @ForAll ApiKey api, @ForAll("versions") short version, @ForAll @Size(max = 256) byte[] randomBody,
            @ForAll boolean sizePrefix) {
        WireWriter out = WireWriter.create();
        new RequestHeader(api.id(), version, 17, "fuzz").encode(out);
        writeRandomBody(out, randomBody, sizePrefix);
        ByteBuffer body = out.toByteBuffer();

        Object outcome = decodeRequest(requests, body);

        assertThat(outcome).isInstanceOf(DecodedRequest.class);
        assertThat(((DecodedRequest) outcome).header().correlationId()).isEqualTo(17);
    }

    @Property(tries = 500)
    void truncatedRequest_isRejectedAsInvalid_orAProtocolExceptionWhenTheHeaderIsCut(@ForAll("requests") Request request,
            @ForAll @IntRange(min = 0) int cutSeed) {
        ByteBuffer whole = Frames.body(requests.encode(23, "truncated", request));
        int cut = cutSeed % whole.remaining();
        int headerBytes = RequestHeader.MIN_SIZE + "truncated".length();

        Object outcome = decodeRequest(requests, whole.slice(0, cut));

        if (cut < headerBytes) {
            assertThat(outcome).isInstanceOf(ProtocolException.class);
        } else {
            assertThat(outcome).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
                assertThat(rejected.header().correlationId()).isEqualTo(23);
                assertThat(rejected.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            });
        }
    }

    @Property(tries = 1000)
    void requestWithALengthOrCountOverwrittenByAHugeValue_endsInADefinedOutcome(@ForAll("requests") Request request,
            @ForAll @IntRange(min = 0) int positionSeed, @ForAll("hugeInt32s") int huge, @ForAll boolean asInt16) {
        ByteBuffer body = Frames.copy(Frames.body(requests.encode(31, "c", request)));
        overwrite(body, positionSeed, huge, asInt16);

        Object outcome = decodeRequest(requests, body);

        assertThat(outcome).isInstanceOfAny(DecodedRequest.class, ProtocolException.class);
    }

    @Property(tries = 1000)
    void requestWithFlippedBytes_endsInADefinedOutcome(@ForAll("requests") Request request,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer body = Frames.copy(Frames.body(requests.encode(31, "c", request)));
        for (int position : positions) {
            int index = position % body.limit();
            body.put(index, (byte) (body.get(index) ^ flip));
        }

        Object outcome = decodeRequest(requests, body);

        assertThat(outcome).isInstanceOfAny(DecodedRequest.class, ProtocolException.class);
    }

    @Property(tries = 500)
    void requestBeyondTheReceiversLimits_isRejectedNamingTheLimit_orFitsThemAndIsAccepted(
            @ForAll("requests") Request request) {
        ProtocolLimits small = new ProtocolLimits(ProtocolLimits.MIN_FRAME_BYTES * 16, 32, 2);
        ByteBuffer body = Frames.body(requests.encode(5, "c", request));

        Object outcome = decodeRequest(new RequestCodec(small), body);

        assertThat(outcome).isInstanceOfAny(DecodedRequest.Accepted.class, DecodedRequest.Rejected.class);
        if (outcome instanceof DecodedRequest.Accepted accepted) {
            assertThat(accepted.request()).isEqualTo(request);
        } else if (outcome instanceof DecodedRequest.Rejected rejected) {
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(rejected.message())
                    .matches(".+: length \\d+ exceeds (maxArrayLength = 2|maxStringBytes = 32|maxFrameBytes = 1024)");
        }
    }

    @Property(tries = 1000)
    void anyResponseBytes_areDecodedOrRefused_withNothingButAProtocolException(@ForAll ApiKey api,
            @ForAll("responseErrorCodes") short errorCode, @ForAll @Size(max = 256) byte[] randomBody,
            @ForAll boolean sizePrefix) {
        WireWriter out = WireWriter.create().writeInt(3).writeShort(errorCode);
        writeRandomBody(out, randomBody, sizePrefix);
        ByteBuffer body = out.toByteBuffer();

        Object outcome = decodeResponse(api, body);

        assertThat(outcome).isInstanceOfAny(DecodedResponse.class, ProtocolException.class);
    }

    @Property(tries = 500)
    void truncatedResponse_isAlwaysAProtocolException(@ForAll("responses") Response response,
            @ForAll @IntRange(min = 0) int cutSeed) {
        ByteBuffer whole = Frames.body(responses.encode(23, response));

        Object outcome = decodeResponse(response.apiKey(), whole.slice(0, cutSeed % whole.remaining()));

        assertThat(outcome).isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 1000)
    void responseWithALengthOrCountOverwrittenByAHugeValue_endsInADefinedOutcome(
            @ForAll("responses") Response response, @ForAll @IntRange(min = 0) int positionSeed,
            @ForAll("hugeInt32s") int huge, @ForAll boolean asInt16) {
        ByteBuffer body = Frames.copy(Frames.body(responses.encode(23, response)));
        overwrite(body, positionSeed, huge, asInt16);

        Object outcome = decodeResponse(response.apiKey(), body);

        assertThat(outcome).isInstanceOfAny(DecodedResponse.class, ProtocolException.class);
    }

    /**
     * The outcome of decoding, or the {@link ProtocolException} that refused it; any other throwable
     * propagates and fails the property. Also checks that decoding allocated within the budget, and that
     * a refusal names the field it concerns.
     */
    private static Object decodeRequest(RequestCodec codec, ByteBuffer body) {
        return withinBudget(body.remaining(), () -> codec.decode(body.duplicate()));
    }

    private Object decodeResponse(ApiKey api, ByteBuffer body) {
        return withinBudget(body.remaining(), () -> responses.decode(body.duplicate(), api));
    }

    private static Object withinBudget(int wireBytes, Supplier<Object> decode) {
        Object[] outcome = new Object[1];
        long allocated = AllocationProbe.bytesAllocatedBy(() -> {
            try {
                outcome[0] = decode.get();
            } catch (ProtocolException e) {
                outcome[0] = e;
            }
        });
        assertThat(allocated).as("heap bytes allocated to decode %d wire bytes", wireBytes)
                .isLessThanOrEqualTo((long) HEAP_BYTES_PER_WIRE_BYTE * wireBytes + FIXED_HEAP_BYTES);
        if (outcome[0] instanceof ProtocolException e) {
            assertThat(e.getMessage()).as("names the field").matches("\\w+(\\.\\w+)*[ .\\w]*: .+");
        }
        if (outcome[0] instanceof DecodedRequest.Rejected rejected) {
            assertThat(rejected.message()).isNotBlank();
        }
        Statistics.collect(kind(outcome[0])); // the report shows that every outcome occurs
        return outcome[0];
    }

    private static String kind(Object outcome) {
        return switch (outcome) {
            case DecodedRequest.Rejected rejected -> "Rejected " + rejected.errorCode();
            case DecodedResponse.Failure failure -> "Failure " + failure.errorCode();
            default -> outcome.getClass().getSimpleName();
        };
    }

    /**
     * Random bytes, or the same preceded by their int32 size, which decoders often read as an array
     * count or a length that is small enough to get past the limits.
     */
    private static void writeRandomBody(WireWriter out, byte[] randomBody, boolean sizePrefix) {
        if (sizePrefix) {
            out.writeBytes(ByteBuffer.wrap(randomBody));
        } else {
            for (byte b : randomBody) {
                out.writeByte(b);
            }
        }
    }

    /** Writes {@code value} as an int32 (or its low 16 bits as an int16) somewhere inside the body. */
    private static void overwrite(ByteBuffer body, int positionSeed, int value, boolean asInt16) {
        int width = asInt16 ? Short.BYTES : Integer.BYTES;
        if (body.limit() < width) {
            return;
        }
        int position = positionSeed % (body.limit() - width + 1);
        if (asInt16) {
            body.putShort(position, (short) value);
        } else {
            body.putInt(position, value);
        }
    }

    /** Lengths and counts a hostile peer would declare: huge, negative, just past a limit. */
    @Provide
    Arbitrary<Integer> hugeInt32s() {
        ProtocolLimits limits = ProtocolLimits.DEFAULT;
        return Arbitraries.oneOf(
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, -1, -2, (int) Short.MAX_VALUE, (int) Short.MIN_VALUE, 0xffff,
                        limits.maxArrayLength(), limits.maxArrayLength() + 1, limits.maxFrameBytes(),
                        limits.maxFrameBytes() + 1, ProtocolLimits.MAX_FRAME_BYTES),
                Arbitraries.integers());
    }

    /** Mostly the version every api speaks, so that bodies get parsed; sometimes one it does not. */
    @Provide
    Arbitrary<Short> versions() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just((short) 1)), Tuple.of(2, Arbitraries.shorts()));
    }

    /** Mostly success, so that bodies get parsed; else a known or unknown error code. */
    @Provide
    Arbitrary<Short> responseErrorCodes() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just((short) 0)),
                Tuple.of(3, Arbitraries.of(ErrorCode.class).map(ErrorCode::code)), Tuple.of(1, Arbitraries.shorts()));
    }

    @Provide
    Arbitrary<Request> requests() {
        return MessageArbitraries.requests();
    }

    @Provide
    Arbitrary<Response> responses() {
        return MessageArbitraries.responses();
    }
}
