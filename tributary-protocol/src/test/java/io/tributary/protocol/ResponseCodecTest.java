package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.format.CorruptBatchException;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the client side reads what a broker, possibly a newer one, answers. */
class ResponseCodecTest {

    private final ResponseCodec codec = new ResponseCodec(ProtocolLimits.DEFAULT);

    @Test
    void errorCodeUnknownToThisClient_readsAsUnknownServerError_keepingCodeAndMessage() {
        ByteBuffer body = WireWriter.create().writeInt(12).writeShort(999).writeString("quota exceeded").toByteBuffer();

        assertThat(codec.decode(body, ApiKey.PRODUCE)).isEqualTo(new DecodedResponse.Failure(12,
                ErrorCode.UNKNOWN_SERVER_ERROR, "error code 999 (unknown to this client): quota exceeded"));
    }

    @Test
    void errorCodeUnknownToThisClient_withoutMessage_stillSaysWhichCode() {
        ByteBuffer body = WireWriter.create().writeInt(12).writeShort(-7).writeNullableString(null).toByteBuffer();

        assertThat(codec.decode(body, ApiKey.FETCH)).isEqualTo(new DecodedResponse.Failure(12,
                ErrorCode.UNKNOWN_SERVER_ERROR, "error code -7 (unknown to this client)"));
    }

    @Test
    void errorCodeOfOnePartitionUnknownToThisClient_readsAsUnknownServerError_neverAsSuccess() {
        ByteBuffer body = WireWriter.create().writeInt(3).writeShort(0)
                .writeShort(4242).writeLong(-1).writeLong(-1).toByteBuffer();

        assertThat(codec.decode(body, ApiKey.END_OFFSET)).isEqualTo(new DecodedResponse.Success(3,
                EndOffsetResponse.failed(ErrorCode.UNKNOWN_SERVER_ERROR)));
    }

    @Test
    void errorResponse_hasNoBody_soBytesAfterTheMessageAreAProtocolException() {
        ByteBuffer body = WireWriter.create().writeInt(1).writeShort(ErrorCode.TIMED_OUT.code()).writeString("slow")
                .writeInt(0).toByteBuffer();

        assertThatThrownBy(() -> codec.decode(body, ApiKey.METADATA))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("METADATA error response: 4 bytes left over after the last field");
    }

    @Test
    void encodeError_refusesNone_whichIsNotAnError() {
        assertThatThrownBy(() -> codec.encodeError(1, ErrorCode.NONE, "fine"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodeError_cutsAMessageLongerThanTheStringLimit_soThatItStillFits() {
        String message = "名".repeat(ProtocolLimits.MAX_STRING_BYTES); // three UTF-8 bytes per char

        ByteBuffer body = Frames.body(codec.encodeError(1, ErrorCode.INVALID_REQUEST, message));

        String received = ((DecodedResponse.Failure) codec.decode(body, ApiKey.PRODUCE)).message();
        assertThat(received).startsWith("名名名").endsWith("…");
        assertThat(received.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ProtocolLimits.MAX_STRING_BYTES);
    }

    @Test
    void encodeError_cutsToTheConfiguredStringLimit() {
        ResponseCodec small = new ResponseCodec(ProtocolLimits.DEFAULT.withMaxStringBytes(16));

        ByteBuffer body = Frames.body(small.encodeError(1, ErrorCode.INVALID_REQUEST, "x".repeat(100)));

        assertThat(((DecodedResponse.Failure) small.decode(body, ApiKey.PRODUCE)).message()).isEqualTo("xxxx…");
    }

    @Test
    void correlationId_ofABodyShorterThanFourBytes_isAProtocolException() {
        assertThatThrownBy(() -> ResponseCodec.correlationId(ByteBuffer.wrap(new byte[] {0, 1})))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("ResponseHeader.correlationId: needs 4 bytes but only 2 remain (the frame ends early)");
    }

    @Test
    void correlationId_isBigEndian_whateverTheOrderOfTheCallersBuffer() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {0, 0, 1, 2, 0, 0}).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ResponseCodec.correlationId(body)).isEqualTo(0x0102);
    }

    @Test
    void fetchedBatchWithACorruptHeader_isAProtocolException_withTheBatchProblemAsCause() {
        ByteBuffer batch = Frames.copy(TestBatches.of("a").buffer());
        batch.putInt(53, 0); // record count 0
        ByteBuffer body = WireWriter.create().writeInt(1).writeShort(0)
                .writeInt(1).writeString("orders").writeInt(1)
                .writeInt(0).writeShort(0).writeLong(0).writeLong(1).writeLong(1).writeBytes(batch)
                .toByteBuffer();

        assertThatThrownBy(() -> codec.decode(body, ApiKey.FETCH))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("FetchResponse.records: " + batch.remaining() + " bytes are not whole batches")
                .hasCauseInstanceOf(CorruptBatchException.class);
    }

    @Test
    void fetchedBatches_areReadyToUse_withTheirAssignedOffsets() {
        RecordBatch first = TestBatches.of("a", "b");
        first.assignBaseOffset(100);
        RecordBatch second = TestBatches.of("c");
        second.assignBaseOffset(102);
        FetchResponse response = new FetchResponse(List.of(new FetchResponse.TopicData("orders", List.of(
                new FetchResponse.PartitionData(0, ErrorCode.NONE, 0, 103, 103, MemoryRecords.of(List.of(first, second)))))));

        FetchResponse decoded = (FetchResponse) ((DecodedResponse.Success) codec.decode(
                Frames.body(codec.encode(5, response)), ApiKey.FETCH)).response();

        List<RecordBatch> batches = decoded.topics().getFirst().partitions().getFirst().batches();
        assertThat(batches).extracting(RecordBatch::baseOffset).containsExactly(100L, 102L);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.isValid()).isTrue());
        assertThat(batches.get(1).records()).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("c");
    }
}
