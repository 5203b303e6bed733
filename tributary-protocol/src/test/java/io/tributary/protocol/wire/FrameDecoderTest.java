package io.tributary.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** How a connection's bytes become frames, and which lengths end the connection before anything is buffered. */
class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder(ProtocolLimits.DEFAULT.withMaxFrameBytes(1024));

    @Test
    void fewerThanFourBytes_isIncomplete_untilTheLengthHasArrived() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 0, 0});

        assertThat(decoder.next(buffer)).isEqualTo(new FrameDecoder.Result.Incomplete(1, 4));
        assertThat(buffer.position()).isZero();
    }

    @Test
    void partOfAFrame_isIncomplete_sayingHowManyBytesAreMissingAndHowLargeTheFrameIs() {
        ByteBuffer buffer = ByteBuffer.allocate(10).putInt(100).put(new byte[6]).flip();

        assertThat(decoder.next(buffer)).isEqualTo(new FrameDecoder.Result.Incomplete(94, 104));
        assertThat(buffer.position()).isZero();
    }

    @Test
    void wholeFrame_isABodyWithoutItsLength_sharingTheCallersBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(9).putInt(3).put(new byte[] {7, 8, 9}).put((byte) 0).flip();

        FrameDecoder.Result result = decoder.next(buffer);

        assertThat(result).isInstanceOfSatisfying(FrameDecoder.Result.Frame.class, frame -> {
            assertThat(frame.body()).isEqualTo(ByteBuffer.wrap(new byte[] {7, 8, 9}));
            buffer.put(4, (byte) 42);
            assertThat(frame.body().get(0)).isEqualTo((byte) 42);
        });
        assertThat(buffer.position()).isEqualTo(7);
    }

    @Test
    void emptyFrame_isAFrameWithAnEmptyBody() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(0).flip();

        assertThat(decoder.next(buffer)).isEqualTo(new FrameDecoder.Result.Frame(ByteBuffer.allocate(0)));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void negativeLength_isAProtocolException_assoonAsTheFourLengthBytesArrive() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(-1).flip();

        assertThatThrownBy(() -> decoder.next(buffer))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame length: length -1 is negative");
    }

    @Test
    void lengthAboveTheLimit_isAProtocolException_assoonAsTheFourLengthBytesArrive() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(1025).flip();

        assertThatThrownBy(() -> decoder.next(buffer))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame length: length 1025 exceeds maxFrameBytes = 1024");
    }

    @Test
    void lengthOf2Pow31Minus1_isAProtocolException_notABufferToAllocate() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).flip();

        assertThatThrownBy(() -> decoder.next(buffer))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("frame length: length 2147483647 exceeds maxFrameBytes = 1024");
    }

    @Test
    void lengthAtTheLimit_isAccepted_andWaitsForItsBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(1024).flip();

        assertThat(decoder.next(buffer)).isEqualTo(new FrameDecoder.Result.Incomplete(1024, 1028));
    }

    @Test
    void lengthIsBigEndian_whateverTheOrderOfTheCallersBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(6).put(new byte[] {0, 0, 0, 2, 5, 6}).flip()
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(decoder.next(buffer)).isEqualTo(new FrameDecoder.Result.Frame(ByteBuffer.wrap(new byte[] {5, 6})));
    }
}
