package io.tributary.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class VarintTest {

    @Property(tries = 500)
    void writeInt_thenReadInt_returnsTheValueInSizeOfIntBytes(@ForAll int value) {
        byte[] bytes = new byte[Varint.MAX_INT_BYTES];
        int end = Varint.writeInt(value, bytes, 0);

        assertThat(end).isEqualTo(Varint.sizeOfInt(value));
        ByteBuffer source = ByteBuffer.wrap(bytes, 0, end);
        assertThat(Varint.readInt(source)).isEqualTo(value);
        assertThat(source.hasRemaining()).isFalse();
    }

    @Property(tries = 500)
    void writeLong_thenReadLong_returnsTheValueInSizeOfLongBytes(@ForAll long value) {
        byte[] bytes = new byte[Varint.MAX_LONG_BYTES];
        int end = Varint.writeLong(value, bytes, 0);

        assertThat(end).isEqualTo(Varint.sizeOfLong(value));
        ByteBuffer source = ByteBuffer.wrap(bytes, 0, end);
        assertThat(Varint.readLong(source)).isEqualTo(value);
        assertThat(source.hasRemaining()).isFalse();
    }

    @Property(tries = 100)
    void smallMagnitudes_ofEitherSign_takeOneByte(@ForAll @IntRange(min = -64, max = 63) int value) {
        assertThat(Varint.sizeOfInt(value)).isEqualTo(1);
        assertThat(Varint.sizeOfLong(value)).isEqualTo(1);
    }

    @Example
    void writeInt_producesTheDocumentedZigzagEncoding() {
        assertThat(encodeInt(0)).containsExactly(0x00);
        assertThat(encodeInt(-1)).containsExactly(0x01);
        assertThat(encodeInt(1)).containsExactly(0x02);
        assertThat(encodeInt(63)).containsExactly(0x7E);
        assertThat(encodeInt(64)).containsExactly(0x80, 0x01);
        assertThat(encodeInt(Integer.MIN_VALUE)).containsExactly(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    }

    @Example
    void readInt_whenTheBytesEndMidVarint_throwsCorruptBatchException() {
        assertThatThrownBy(() -> Varint.readInt(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80})))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> Varint.readLong(ByteBuffer.allocate(0)))
                .isInstanceOf(CorruptBatchException.class);
    }

    @Example
    void read_whenTheVarintRunsLongerThanItsType_throwsCorruptBatchException() {
        byte[] continuing = new byte[11];
        Arrays.fill(continuing, (byte) 0x80);

        assertThatThrownBy(() -> Varint.readInt(ByteBuffer.wrap(continuing)))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("longer than 5 bytes");
        assertThatThrownBy(() -> Varint.readLong(ByteBuffer.wrap(continuing)))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("longer than 10 bytes");
    }

    private static int[] encodeInt(int value) {
        byte[] bytes = new byte[Varint.MAX_INT_BYTES];
        int end = Varint.writeInt(value, bytes, 0);
        return java.util.stream.IntStream.range(0, end).map(i -> bytes[i] & 0xFF).toArray();
    }
}
