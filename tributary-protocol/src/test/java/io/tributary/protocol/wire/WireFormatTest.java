package io.tributary.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The primitive types byte for byte, as docs/protocol.md ("Primitive types") describes them to an
 * implementer in another language.
 */
class WireFormatTest {

    private static final ProtocolLimits LIMITS = ProtocolLimits.DEFAULT;

    @Test
    void integers_areBigEndianTwosComplement() {
        assertThat(hex(WireWriter.create().writeByte(-1).writeShort(0x0102).writeInt(-2).writeLong(0x0102030405060708L)))
                .isEqualTo("ff 01 02 ff ff ff fe 01 02 03 04 05 06 07 08");
    }

    @Test
    void boolean_isOneByte_1or0() {
        assertThat(hex(WireWriter.create().writeBoolean(true).writeBoolean(false))).isEqualTo("01 00");
    }

    @Test
    void string_isAnInt16ByteLength_thenUtf8() {
        assertThat(hex(WireWriter.create().writeString("é"))).isEqualTo("00 02 c3 a9");
        assertThat(hex(WireWriter.create().writeString(""))).isEqualTo("00 00");
    }

    @Test
    void nullableString_isLengthMinus1_forNull() {
        assertThat(hex(WireWriter.create().writeNullableString(null))).isEqualTo("ff ff");
    }

    @Test
    void array_isAnInt32Count_thenTheElements() {
        assertThat(hex(WireWriter.create().writeStringArray(List.of("a", "bc"))))
                .isEqualTo("00 00 00 02 00 01 61 00 02 62 63");
    }

    @Test
    void map_isAnInt32Count_thenKeyAndValueStrings_inOrder() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("k", "v");
        map.put("a", "");

        assertThat(hex(WireWriter.create().writeStringMap(map))).isEqualTo("00 00 00 02 00 01 6b 00 01 76 00 01 61 00 00");
    }

    @Test
    void bytesAndRecords_areAnInt32Size_thenTheBytes() {
        ByteBuffer three = ByteBuffer.wrap(new byte[] {1, 2, 3});

        assertThat(hex(WireWriter.create().writeBytes(three))).isEqualTo("00 00 00 03 01 02 03");
        assertThat(hex(WireWriter.create().writeRecords(new MemoryRecords(three)))).isEqualTo("00 00 00 03 01 02 03");
        assertThat(hex(WireWriter.create().writeRecords(MemoryRecords.EMPTY))).isEqualTo("00 00 00 00");
    }

    @Test
    void frame_startsWithTheInt32LengthOfWhatFollows() {
        assertThat(hex(WireWriter.forFrame().writeShort(7).writeByte(1))).isEqualTo("00 00 00 03 00 07 01");
    }

    @Test
    void emptyRecords_yieldNoSegment() {
        List<FrameSegment> segments = WireWriter.forFrame().writeRecords(MemoryRecords.EMPTY).toFrameSegments();

        assertThat(segments).singleElement().extracting(FrameSegment::sizeInBytes).isEqualTo(8);
    }

    @Test
    void reader_readsBigEndian_whateverTheOrderOfTheCallersBuffer() {
        ByteBuffer bytes = ByteBuffer.wrap(HexFormat.of().parseHex("0102000000030001" + "61"))
                .order(ByteOrder.LITTLE_ENDIAN);
        WireReader in = new WireReader(bytes, LIMITS);

        assertThat(in.readShort("s")).isEqualTo((short) 0x0102);
        assertThat(in.readInt("i")).isEqualTo(3);
        assertThat(in.readString("t")).isEqualTo("a");
        assertThat(bytes.position()).as("the caller's buffer is not moved").isZero();
    }

    @Test
    void reader_refusesMalformedUtf8_ratherThanReplacingIt() {
        WireReader in = new WireReader(ByteBuffer.wrap(HexFormat.of().parseHex("0001ff")), LIMITS);

        assertThatThrownBy(() -> in.readString("Test.name"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Test.name: 1 bytes are not well-formed UTF-8");
    }

    @Test
    void reader_readsEveryPrimitiveTheWriterWrites() {
        ByteBuffer bytes = WireWriter.create().writeByte(-3).writeBoolean(true).writeShort(-300).writeInt(70_000)
                .writeLong(Long.MIN_VALUE).writeString("名前").writeNullableString(null)
                .writeStringArray(List.of("x", "")).writeStringMap(Map.of("k", "v"))
                .writeBytes(ByteBuffer.wrap(new byte[] {9})).toByteBuffer();
        WireReader in = new WireReader(bytes, LIMITS);

        assertThat(in.readByte("b")).isEqualTo((byte) -3);
        assertThat(in.readBoolean("z")).isTrue();
        assertThat(in.readShort("s")).isEqualTo((short) -300);
        assertThat(in.readInt("i")).isEqualTo(70_000);
        assertThat(in.readLong("l")).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readString("t")).isEqualTo("名前");
        assertThat(in.readNullableString("n")).isNull();
        assertThat(in.readStringArray("a")).containsExactly("x", "");
        assertThat(in.readStringMap("m")).containsExactly(Map.entry("k", "v"));
        assertThat(in.readBytes("y")).isEqualTo(ByteBuffer.wrap(new byte[] {9}));
        in.requireEnd("all");
    }

    @Test
    void limits_refuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> LIMITS.withMaxFrameBytes(ProtocolLimits.MIN_FRAME_BYTES - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameBytes = 63");
        assertThatThrownBy(() -> LIMITS.withMaxStringBytes(ProtocolLimits.MAX_STRING_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int16");
        assertThatThrownBy(() -> LIMITS.withMaxArrayLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxArrayLength = 0");
    }

    private static String hex(WireWriter out) {
        ByteBuffer bytes = out.toByteBuffer();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return HexFormat.ofDelimiter(" ").formatHex(array);
    }
}
