package io.tributary.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Frames pipelined on one connection come out whole and in order however the network cuts the bytes,
 * and a connection buffer of {@code 4 + maxFrameBytes} bytes is always enough.
 */
class FrameDecoderProperties {

    private static final ProtocolLimits LIMITS = ProtocolLimits.DEFAULT.withMaxFrameBytes(256);

    @Property(tries = 500)
    void pipelinedFrames_splitAtArbitraryPoints_comeOutWholeAndInOrder(
            @ForAll @Size(min = 1, max = 20) List<@Size(max = 256) byte[]> bodies,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 300) Integer> readSizes) {
        ByteBuffer stream = stream(bodies);
        FrameDecoder decoder = new FrameDecoder(LIMITS);
        ByteBuffer connection = ByteBuffer.allocate(FrameDecoder.LENGTH_FIELD_BYTES + LIMITS.maxFrameBytes());
        List<ByteBuffer> received = new ArrayList<>();

        for (int read = 0; stream.hasRemaining(); read++) {
            int size = Math.min(Math.min(readSizes.get(read % readSizes.size()), connection.remaining()), stream.remaining());
            connection.put(stream.slice(stream.position(), size));
            stream.position(stream.position() + size);
            connection.flip();
            FrameDecoder.Result result;
            while ((result = decoder.next(connection)) instanceof FrameDecoder.Result.Frame frame) {
                received.add(copy(frame.body()));
            }
            FrameDecoder.Result.Incomplete incomplete = (FrameDecoder.Result.Incomplete) result;
            assertThat(incomplete.frameBytes()).isLessThanOrEqualTo(connection.capacity());
            assertThat(incomplete.missingBytes()).isPositive();
            connection.compact();
        }

        assertThat(received).containsExactlyElementsOf(bodies.stream().map(ByteBuffer::wrap).toList());
        assertThat(connection.position()).as("bytes left in the connection buffer").isZero();
    }

    @Property(tries = 200)
    void incompleteFrame_leavesThePositionWhereItWas(@ForAll @Size(min = 1, max = 256) byte[] body,
            @ForAll @IntRange(min = 0) int cutSeed) {
        ByteBuffer stream = stream(List.of(body));
        int cut = cutSeed % stream.remaining();
        ByteBuffer partial = stream.slice(0, cut);

        FrameDecoder.Result result = new FrameDecoder(LIMITS).next(partial);

        assertThat(result).isInstanceOf(FrameDecoder.Result.Incomplete.class);
        assertThat(((FrameDecoder.Result.Incomplete) result).missingBytes())
                .isEqualTo(cut < 4 ? 4 - cut : stream.remaining() - cut);
        assertThat(partial.position()).isZero();
    }

    private static ByteBuffer stream(List<byte[]> bodies) {
        ByteBuffer stream = ByteBuffer.allocate(bodies.stream().mapToInt(body -> 4 + body.length).sum());
        bodies.forEach(body -> stream.putInt(body.length).put(body));
        return stream.flip();
    }

    private static ByteBuffer copy(ByteBuffer bytes) {
        return ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
    }
}
