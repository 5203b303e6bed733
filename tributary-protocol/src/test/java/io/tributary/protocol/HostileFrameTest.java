package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Tiny frames that declare enormous lengths: each is refused by the length check, with a message that
 * names the field, the value and the bound, after allocating a few KiB at most. Were a declared length
 * believed, the same frames would cost gigabytes.
 */
class HostileFrameTest {

    /** Far below what any believed length here would allocate (the smallest is 32 KiB, most are GiB). */
    private static final long ALLOCATION_BUDGET = 16 << 10;

    private static final ProtocolLimits LIMITS = ProtocolLimits.DEFAULT;
    private static final ProtocolLimits NO_COUNT_LIMIT = LIMITS.withMaxArrayLength(Integer.MAX_VALUE);

    @Test
    void arrayCountOf2Pow31Minus1_isRefusedByTheArrayLimit() {
        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 1,
                out -> out.writeBoolean(true).writeInt(1000).writeInt(Integer.MAX_VALUE));

        assertRejected(LIMITS, body, "ProduceRequest.topics: length 2147483647 exceeds maxArrayLength = 100000");
    }

    @Test
    void arrayCountOf2Pow31Minus1_withoutAnArrayLimit_isRefusedBecauseTheFrameCannotHoldIt() {
        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 1,
                out -> out.writeBoolean(true).writeInt(1000).writeInt(Integer.MAX_VALUE));

        assertRejected(NO_COUNT_LIMIT, body, "ProduceRequest.topics: length 2147483647 (at least 6 bytes each) needs"
                + " 12884901882 bytes but only 0 remain in the frame");
    }

    @Test
    void arrayCountWithinTheLimit_isStillRefused_whenTheRestOfTheFrameCannotHoldThatMany() {
        ByteBuffer body = Frames.requestBody(ApiKey.METADATA, 1, out -> out.writeInt(LIMITS.maxArrayLength()));

        assertRejected(LIMITS, body, "MetadataRequest.topics: length 100000 (at least 2 bytes each) needs 200000 bytes"
                + " but only 0 remain in the frame");
    }

    @Test
    void nestedArrayCount_isCheckedAgainstWhatRemainsAfterTheOuterEntries() {
        ByteBuffer body = Frames.requestBody(ApiKey.FETCH, 1, out -> out.writeInt(500).writeInt(1 << 20)
                .writeInt(1).writeString("orders").writeInt(50_000).writeInt(0).writeLong(0).writeInt(1024));

        assertRejected(LIMITS, body, "FetchRequest.partitions: length 50000 (at least 16 bytes each) needs 800000 bytes"
                + " but only 16 remain in the frame");
    }

    @Test
    void mapCountOf2Pow31Minus1_isRefusedByTheArrayLimit() {
        ByteBuffer body = Frames.requestBody(ApiKey.ALTER_TOPIC, 1,
                out -> out.writeString("orders").writeInt(Integer.MAX_VALUE));

        assertRejected(LIMITS, body, "AlterTopicRequest.configs: length 2147483647 exceeds maxArrayLength = 100000");
        assertRejected(NO_COUNT_LIMIT, body, "AlterTopicRequest.configs: length 2147483647 (at least 4 bytes each)"
                + " needs 8589934588 bytes but only 0 remain in the frame");
    }

    @Test
    void stringLengthOf32767_inAFrameOfAFewBytes_isRefusedBecauseTheFrameCannotHoldIt() {
        ByteBuffer body = Frames.requestBody(ApiKey.DELETE_TOPIC, 1,
                out -> out.writeShort(Short.MAX_VALUE).writeByte('a').writeByte('b').writeByte('c'));

        assertRejected(LIMITS, body, "DeleteTopicRequest.name: length 32767 needs 32767 bytes but only 3 remain in the frame");
    }

    @Test
    void stringLongerThanTheConfiguredLimit_isRefusedByTheStringLimit() {
        ByteBuffer body = Frames.requestBody(ApiKey.DELETE_TOPIC, 1, out -> out.writeString("t".repeat(300)));

        assertRejected(LIMITS.withMaxStringBytes(255), body, "DeleteTopicRequest.name: length 300 exceeds maxStringBytes = 255");
    }

    @Test
    void negativeStringLengthOtherThanNull_isRefused() {
        ByteBuffer body = Frames.requestBody(ApiKey.DELETE_TOPIC, 1, out -> out.writeShort(-2));

        assertRejected(LIMITS, body, "DeleteTopicRequest.name: length -2 is negative");
    }

    @Test
    void nullWhereAStringIsRequired_isRefused() {
        ByteBuffer body = Frames.requestBody(ApiKey.DELETE_TOPIC, 1, out -> out.writeNullableString(null));

        assertRejected(LIMITS, body, "DeleteTopicRequest.name: length -1 (null) where a string is required");
    }

    @Test
    void batchSizeOf2Pow31Minus1_isRefusedByTheFrameLimit() {
        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 1, out -> out.writeBoolean(true).writeInt(1000)
                .writeInt(1).writeString("orders").writeInt(1).writeInt(0).writeInt(Integer.MAX_VALUE));

        assertRejected(LIMITS, body, "ProduceRequest.batch: length 2147483647 exceeds maxFrameBytes = 8454144");
    }

    @Test
    void negativeBatchSize_isRefused() {
        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 1, out -> out.writeBoolean(true).writeInt(1000)
                .writeInt(1).writeString("orders").writeInt(1).writeInt(0).writeInt(-1));

        assertRejected(LIMITS, body, "ProduceRequest.batch: length -1 is negative");
    }

    @Test
    void booleanByteOtherThan0Or1_isRefused() {
        ByteBuffer body = Frames.requestBody(ApiKey.PRODUCE, 1, out -> out.writeByte(2).writeInt(1000).writeInt(0));

        assertRejected(LIMITS, body, "ProduceRequest.waitForCommit: boolean byte 2 is neither 0 nor 1");
    }

    @Test
    void clientIdLengthOf32767_inATinyFrame_isAProtocolException_thatClosesTheConnection() {
        ByteBuffer body = WireWriter.create().writeShort(ApiKey.METADATA.id()).writeShort(1).writeInt(1)
                .writeShort(Short.MAX_VALUE).toByteBuffer();
        RequestCodec codec = new RequestCodec(LIMITS);

        assertThatThrownBy(() -> codec.decode(body.duplicate()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("RequestHeader.clientId: length 32767 needs 32767 bytes but only 0 remain in the frame");
        assertThat(allocatedToDecode(() -> codec.decode(body.duplicate()))).isLessThan(ALLOCATION_BUDGET);
    }

    @Test
    void fetchedRecordsSizeOf2Pow31Minus1_isAProtocolException_atTheClient() {
        ByteBuffer body = WireWriter.create().writeInt(1).writeShort(0)
                .writeInt(1).writeString("orders").writeInt(1)
                .writeInt(0).writeShort(0).writeLong(0).writeLong(0).writeLong(0).writeInt(Integer.MAX_VALUE)
                .toByteBuffer();
        ResponseCodec codec = new ResponseCodec(LIMITS);

        assertThatThrownBy(() -> codec.decode(body.duplicate(), ApiKey.FETCH))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("FetchResponse.records: length 2147483647 exceeds maxFrameBytes = 8454144");
        assertThat(allocatedToDecode(() -> codec.decode(body.duplicate(), ApiKey.FETCH))).isLessThan(ALLOCATION_BUDGET);
    }

    @Test
    void responseTopicCountOf2Pow31Minus1_isAProtocolException_atTheClient() {
        ByteBuffer body = WireWriter.create().writeInt(1).writeShort(0).writeInt(Integer.MAX_VALUE).toByteBuffer();
        ResponseCodec codec = new ResponseCodec(NO_COUNT_LIMIT);

        assertThatThrownBy(() -> codec.decode(body.duplicate(), ApiKey.DESCRIBE_TOPICS))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("DescribeTopicsResponse.topics: length 2147483647 (at least 12 bytes each) needs"
                        + " 25769803764 bytes but only 0 remain in the frame");
    }

    @Test
    void groupApiCounts_areCheckedAgainstTheFewestBytesOfAnEntry() {
        ByteBuffer commit = Frames.requestBody(ApiKey.COMMIT_OFFSETS, 1, out -> out.writeString("billing")
                .writeString("m-1").writeInt(1).writeInt(1).writeString("orders").writeInt(50_000).writeInt(0));
        ByteBuffer heartbeat = Frames.requestBody(ApiKey.GROUP_HEARTBEAT, 1, out -> out.writeString("billing")
                .writeString("m-1").writeInt(0).writeString("c").writeInt(0).writeInt(1).writeString("orders")
                .writeInt(Integer.MAX_VALUE));

        assertRejected(LIMITS, commit, "CommitOffsetsRequest.offsets.partitions: length 50000 (at least 12 bytes each)"
                + " needs 600000 bytes but only 4 remain in the frame");
        assertRejected(NO_COUNT_LIMIT, heartbeat, "GroupHeartbeatRequest.owned.partitions: length 2147483647"
                + " (at least 4 bytes each) needs 8589934588 bytes but only 0 remain in the frame");
    }

    @Test
    void describedGroupMemberCountOf2Pow31Minus1_isAProtocolException_atTheClient() {
        ByteBuffer body = WireWriter.create().writeInt(1).writeShort(0).writeShort(0).writeNullableString(null)
                .writeString("billing").writeByte(1).writeInt(3).writeInt(Integer.MAX_VALUE).toByteBuffer();
        ResponseCodec codec = new ResponseCodec(NO_COUNT_LIMIT);

        assertThatThrownBy(() -> codec.decode(body.duplicate(), ApiKey.DESCRIBE_GROUP))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("DescribeGroupResponse.members: length 2147483647 (at least 24 bytes each) needs"
                        + " 51539607528 bytes but only 0 remain in the frame");
        assertThat(allocatedToDecode(() -> codec.decode(body.duplicate(), ApiKey.DESCRIBE_GROUP)))
                .isLessThan(ALLOCATION_BUDGET);
    }

    private static void assertRejected(ProtocolLimits limits, ByteBuffer body, String message) {
        RequestCodec codec = new RequestCodec(limits);

        DecodedRequest decoded = codec.decode(body.duplicate());

        assertThat(decoded).isInstanceOfSatisfying(DecodedRequest.Rejected.class, rejected -> {
            assertThat(rejected.header().correlationId()).isEqualTo(1);
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(rejected.message()).isEqualTo(message);
        });
        assertThat(allocatedToDecode(() -> codec.decode(body.duplicate())))
                .as("heap bytes allocated to refuse a frame of %d bytes", body.remaining())
                .isLessThan(ALLOCATION_BUDGET);
    }

    private static long allocatedToDecode(Runnable decode) {
        return AllocationProbe.bytesAllocatedBy(() -> {
            try {
                decode.run();
            } catch (ProtocolException expected) {
                // the outcome was asserted above; only the memory is measured here
            }
        });
    }
}
