package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolLimits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Whatever a client encodes, the broker decodes the same request, header and bytes. */
class RequestCodecProperties {

    private final RequestCodec codec = new RequestCodec(ProtocolLimits.DEFAULT);

    @Property(tries = 400)
    void everyRequest_decodesToTheRequestThatWasEncoded(@ForAll("requests") Request request,
            @ForAll int correlationId, @ForAll("clientIds") @Nullable String clientId) {
        ByteBuffer frame = codec.encode(correlationId, clientId, request);

        DecodedRequest decoded = codec.decode(Frames.body(frame));

        assertThat(decoded).isEqualTo(new DecodedRequest.Accepted(
                RequestHeader.of(request.apiKey(), correlationId, clientId), request));
    }

    @Property(tries = 200)
    void decodedRequest_encodesToTheSameBytesAgain(@ForAll("requests") Request request, @ForAll int correlationId,
            @ForAll("clientIds") @Nullable String clientId) {
        ByteBuffer frame = codec.encode(correlationId, clientId, request);
        Request decoded = ((DecodedRequest.Accepted) codec.decode(Frames.body(frame))).request();

        assertThat(codec.encode(correlationId, clientId, decoded)).isEqualTo(frame);
    }

    @Property(tries = 200)
    void encodeSegments_putsTheSameBytesOnTheWireAsEncode(@ForAll("requests") Request request,
            @ForAll int correlationId, @ForAll("clientIds") @Nullable String clientId) {
        List<FrameSegment> segments = codec.encodeSegments(correlationId, clientId, request);

        assertThat(segments).allSatisfy(segment -> assertThat(segment).isInstanceOf(FrameSegment.Bytes.class))
                .allSatisfy(segment -> assertThat(segment.sizeInBytes()).isPositive());
        assertThat(Frames.concatenate(segments)).isEqualTo(codec.encode(correlationId, clientId, request));
    }

    @Property(tries = 100)
    void produceBatches_areSharedWithTheSegments_notCopied(@ForAll("produceRequests") ProduceRequest request) {
        List<FrameSegment> segments = codec.encodeSegments(1, null, request);
        List<RecordBatch> batches = request.topics().stream()
                .flatMap(topic -> topic.partitions().stream())
                .map(ProduceRequest.PartitionData::batch)
                .toList();

        batches.forEach(batch -> batch.assignBaseOffset(batch.baseOffset() + 1)); // written in place

        List<ByteBuffer> segmentBytes = segments.stream().map(segment -> ((FrameSegment.Bytes) segment).buffer()).toList();
        assertThat(batches).allSatisfy(batch -> assertThat(segmentBytes).contains(batch.buffer()));
    }

    @Property(tries = 100)
    void pipelinedRequests_comeOutInOrder_withTheirCorrelationIds(
            @ForAll @Size(min = 1, max = 8) List<@From("requests") Request> requests,
            @ForAll @Size(min = 1, max = 20) List<@From("chunkSizes") Integer> chunkSizes) {
        List<ByteBuffer> frames = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            frames.add(codec.encode(1000 + i, "pipeline", requests.get(i)));
        }
        ByteBuffer stream = ByteBuffer.allocate(frames.stream().mapToInt(ByteBuffer::remaining).sum());
        frames.forEach(stream::put);
        stream.flip();

        List<DecodedRequest> decoded = new ArrayList<>();
        ByteBuffer connection = ByteBuffer.allocate(stream.remaining());
        FrameDecoder frameDecoder = new FrameDecoder(ProtocolLimits.DEFAULT);
        for (int chunk = 0; stream.hasRemaining(); chunk++) {
            int size = Math.min(stream.remaining(), chunkSizes.get(chunk % chunkSizes.size()));
            connection.put(stream.slice(stream.position(), size));
            stream.position(stream.position() + size);
            connection.flip();
            while (frameDecoder.next(connection) instanceof FrameDecoder.Result.Frame frame) {
                decoded.add(codec.decode(Frames.copy(frame.body())));
            }
            connection.compact();
        }

        assertThat(decoded).extracting(request -> request.header().correlationId())
                .containsExactlyElementsOf(range(1000, requests.size()));
        assertThat(decoded).extracting(request -> ((DecodedRequest.Accepted) request).request())
                .containsExactlyElementsOf(requests);
    }

    @Example
    void theGenerators_coverEveryRequestType() {
        Set<Class<?>> generated = MessageArbitraries.requests().sampleStream().limit(2_000)
                .map(Object::getClass).collect(Collectors.toSet());

        assertThat(generated).containsExactlyInAnyOrder(Request.class.getPermittedSubclasses());
    }

    @Provide
    Arbitrary<Request> requests() {
        return MessageArbitraries.requests();
    }

    @Provide
    Arbitrary<ProduceRequest> produceRequests() {
        return MessageArbitraries.produceRequests();
    }

    /** How many bytes one read from the socket returns: often a few, sometimes a lot. */
    @Provide
    Arbitrary<Integer> chunkSizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(1, 1 << 16));
    }

    @Provide
    Arbitrary<String> clientIds() {
        return MessageArbitraries.clientIds();
    }

    private static List<Integer> range(int from, int count) {
        List<Integer> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(from + i);
        }
        return values;
    }
}
