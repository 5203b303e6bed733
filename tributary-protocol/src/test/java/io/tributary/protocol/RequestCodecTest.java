package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the broker side treats requests it cannot take: what it answers with an error (keeping the
 * connection) and what makes it close the connection.
 */
class RequestCodecTest {

    private static final ProtocolLimits LIMITS = ProtocolLimits.DEFAULT;
    private final RequestCodec codec = new RequestCodec(LIMITS);

    @Test
    void unknownApiKey_isRejectedWithUnsupportedApi_keepingTheCorrelationId() {
        WireWriter out = WireWriter.create();
        new RequestHeader((short) 99, (short) 1, 42, "newer-client").encode(out);
        out.writeInt(123); // a body this build cannot know

        DecodedRequest decoded = codec.decode(out.toByteBuffer());

        assertThat(decoded).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.header().correlationId()).isEqualTo(42);
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_API);
            assertThat(rejected.message()).contains("api key 99", "0 to 14");
        });
    }

    @Test
    void negativeApiKey_isRejectedWithUnsupportedApi() {
        WireWriter out = WireWriter.create();
        new RequestHeader((short) -1, (short) 1, 3, null).encode(out);

        assertThat(codec.decode(out.toByteBuffer())).isInstanceOfSatisfying(DecodedRequest.Rejected.class,
                rejected -> assertThat(rejected.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_API));
    }

    @Test
    void versionNewerThanThisBuildSpeaks_isRejectedWithUnsupportedVersion_namingTheVersionsItSpeaks() {
        WireWriter out = WireWriter.create();
        new RequestHeader(ApiKey.FETCH.id(), (short) 2, 9, "c").encode(out);
        out.writeInt(0).writeInt(0).writeInt(0);

        assertThat(codec.decode(out.toByteBuffer())).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.header().correlationId()).isEqualTo(9);
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
            assertThat(rejected.message()).isEqualTo("FETCH version 2 is not supported; this server speaks versions 1 to 1");
        });
    }

    @Test
    void versionZero_isOlderThanAnyApiSpeaks_andRejectedWithUnsupportedVersion() {
        WireWriter out = WireWriter.create();
        new RequestHeader(ApiKey.METADATA.id(), (short) 0, 9, "c").encode(out);

        assertThat(codec.decode(out.toByteBuffer())).isInstanceOfSatisfying(DecodedRequest.Rejected.class,
                rejected -> assertThat(rejected.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
    }

    @Test
    void bodyThatEndsEarly_isRejectedWithInvalidRequest_namingTheField() {
        ByteBuffer body = Frames.requestBody(ApiKey.END_OFFSET, 5, out -> out.writeString("orders").writeShort(0));

        assertThat(codec.decode(body)).isEqualTo(new DecodedRequest.Rejected(
                new RequestHeader(ApiKey.END_OFFSET.id(), (short) 1, 5, "hostile"), ErrorCode.INVALID_REQUEST,
                "EndOffsetRequest.partition: needs 4 bytes but only 2 remain (the frame ends early)"));
    }

    @Test
    void bytesLeftOverAfterTheBody_areRejectedWithInvalidRequest_notHalfUnderstood() {
        ByteBuffer body = Frames.requestBody(ApiKey.DELETE_TOPIC, 5, out -> out.writeString("orders").writeByte(0));

        assertThat(codec.decode(body)).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(rejected.message()).isEqualTo("DELETE_TOPIC request: 1 bytes left over after the last field");
        });
    }

    @Test
    void duplicateConfigKey_isRejectedWithInvalidRequest() {
        ByteBuffer body = Frames.requestBody(ApiKey.CREATE_TOPIC, 5, out -> out.writeString("orders").writeInt(3)
                .writeInt(2).writeString("retention.ms").writeString("1").writeString("retention.ms").writeString("2"));

        assertThat(codec.decode(body)).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(rejected.message()).isEqualTo("CreateTopicRequest.configs: key 'retention.ms' appears twice");
        });
    }

    @Test
    void batchWithACorruptHeader_isRejectedWithCorruptMessage_namingThePartition() {
        ByteBuffer batch = Frames.copy(TestBatches.of("a", "b").buffer());
        batch.put(12, (byte) 9); // format version 9

        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 5, out -> out.writeBoolean(true).writeInt(1000)
                .writeInt(1).writeString("orders").writeInt(1).writeInt(3).writeBytes(batch));

        assertThat(codec.decode(body)).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.CORRUPT_MESSAGE);
            assertThat(rejected.message()).startsWith("ProduceRequest.batch for partition 3: unknown batch format version 9");
        });
    }

    @Test
    void batchShorterThanItsHeaderSays_isRejectedWithCorruptMessage() {
        ByteBuffer batch = Frames.copy(TestBatches.of("a", "b").buffer());
        ByteBuffer cut = batch.limit(batch.limit() - 1).slice();

        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 5, out -> out.writeBoolean(true).writeInt(1000)
                .writeInt(1).writeString("orders").writeInt(1).writeInt(0).writeBytes(cut));

        assertThat(codec.decode(body)).isInstanceOfSatisfying(DecodedRequest.Rejected.class,
                rejected -> assertThat(rejected.errorCode()).isEqualTo(ErrorCode.CORRUPT_MESSAGE));
    }

    @Test
    void batchWithABadChecksum_isAccepted_becauseTheLogChecksChecksums() {
        ByteBuffer batch = Frames.copy(TestBatches.of("a", "b").buffer());
        int last = batch.limit() - 1;
        batch.put(last, (byte) (batch.get(last) ^ 1));

        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 5, out -> out.writeBoolean(true).writeInt(1000)
                .writeInt(1).writeString("orders").writeInt(1).writeInt(0).writeBytes(batch));

        DecodedRequest.Accepted accepted = (DecodedRequest.Accepted) codec.decode(body);
        RecordBatch decoded = ((ProduceRequest) accepted.request()).topics().getFirst().partitions().getFirst().batch();
        assertThat(decoded.isValid()).isFalse();
    }

    @Test
    void decodedBatch_sharesTheFramesBytes_soTheLogCanWriteItsBaseOffsetInPlace() {
        ProduceRequest request = new ProduceRequest(true, 1000,
                List.of(new ProduceRequest.TopicData("orders", List.of(new ProduceRequest.PartitionData(0, TestBatches.of("a"))))));
        ByteBuffer frameBody = Frames.copy(Frames.body(codec.encode(1, "c", request)));

        RecordBatch decoded = ((ProduceRequest) ((DecodedRequest.Accepted) codec.decode(frameBody)).request())
                .topics().getFirst().partitions().getFirst().batch();
        decoded.assignBaseOffset(77);

        assertThat(frameBody.getLong(frameBody.limit() - decoded.sizeInBytes())).isEqualTo(77);
    }

    @Test
    void meaningIsTheBrokersBusiness_invalidTopicNamesAndNegativePartitionsDecode() {
        EndOffsetRequest request = new EndOffsetRequest("not a topic name!", -5);

        assertThat(codec.decode(Frames.body(codec.encode(1, null, request))))
                .isInstanceOfSatisfying(DecodedRequest.Accepted.class,
                        accepted -> assertThat(accepted.request()).isEqualTo(request));
    }

    @Test
    void headerCutShort_isAProtocolException_becauseThereIsNoCorrelationIdToAnswer() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {0, 2, 0, 1, 0, 0});

        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("RequestHeader.correlationId: needs 4 bytes but only 2 remain (the frame ends early)");
    }

    @Test
    void clientIdThatIsNotUtf8_isAProtocolException() {
        ByteBuffer body = ByteBuffer.allocate(12).putShort((short) 2).putShort((short) 1).putInt(7)
                .putShort((short) 2).put((byte) 0xc3).put((byte) 0x28).flip();

        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("RequestHeader.clientId: 2 bytes are not well-formed UTF-8");
    }

    @Test
    void requestLargerThanTheFrameLimit_failsAtTheSender_namingTheLimitAndTheWayOut() {
        RequestCodec small = new RequestCodec(LIMITS.withMaxFrameBytes(1024));
        CreateTopicRequest request = new CreateTopicRequest("orders", 1, Map.of("description", "x".repeat(2000)));

        assertThatThrownBy(() -> small.encode(1, "c", request))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("CREATE_TOPIC request of 2042 bytes exceeds maxFrameBytes = 1024; send less per request"
                        + " (smaller or fewer batches) or raise the limit on both sides");
    }

    @Test
    void stringLongerThanAnInt16Length_failsAtTheSender() {
        MetadataRequest request = new MetadataRequest(List.of("x".repeat(ProtocolLimits.MAX_STRING_BYTES + 1)));

        assertThatThrownBy(() -> codec.encode(1, "c", request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a string of 32768 UTF-8 bytes does not fit the int16 length of the protocol");
    }
}
