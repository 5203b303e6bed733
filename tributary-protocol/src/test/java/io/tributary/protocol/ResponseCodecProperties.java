package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolLimits;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the broker encodes, the client decodes the same response; a fetch response whose batches sit
 * in a file puts the same bytes on the wire as one whose batches sit in memory.
 */
class ResponseCodecProperties {

    private final ResponseCodec codec = new ResponseCodec(ProtocolLimits.DEFAULT);

    @Property(tries = 400)
    void everyResponse_decodesToTheResponseThatWasEncoded(@ForAll("responses") Response response,
            @ForAll int correlationId) {
        ByteBuffer body = Frames.body(codec.encode(correlationId, response));

        assertThat(ResponseCodec.correlationId(body)).isEqualTo(correlationId);
        assertThat(codec.decode(body, response.apiKey()))
                .isEqualTo(new DecodedResponse.Success(correlationId, response));
    }

    @Property(tries = 200)
    void decodedResponse_encodesToTheSameBytesAgain(@ForAll("responses") Response response, @ForAll int correlationId) {
        ByteBuffer frame = codec.encode(correlationId, response);
        DecodedResponse.Success decoded = (DecodedResponse.Success) codec.decode(Frames.body(frame), response.apiKey());

        assertThat(codec.encode(correlationId, decoded.response())).isEqualTo(frame);
    }

    @Property(tries = 200)
    void errorResponse_decodesToAFailure_withCodeAndMessage(@ForAll("errors") ErrorCode errorCode, @ForAll ApiKey api,
            @ForAll("messages") String message, @ForAll int correlationId) {
        ByteBuffer body = Frames.body(codec.encodeError(correlationId, errorCode, message));

        assertThat(codec.decode(body, api)).isEqualTo(new DecodedResponse.Failure(correlationId, errorCode, message));
    }

    @Property(tries = 200)
    void encodeSegments_withBatchesInMemory_putsTheSameBytesOnTheWireAsEncode(@ForAll("responses") Response response,
            @ForAll int correlationId) {
        List<FrameSegment> segments = codec.encodeSegments(correlationId, response);

        assertThat(segments).allSatisfy(segment -> assertThat(segment.sizeInBytes()).isPositive());
        assertThat(Frames.concatenate(segments)).isEqualTo(codec.encode(correlationId, response));
    }

    @Property(tries = 200)
    void encodeSegments_withBatchesInAFile_leavesThemToTheNetworkLayer_andTheWireBytesAreTheSame(
            @ForAll("fetchResponses") FetchResponse inMemory, @ForAll int correlationId) {
        FetchResponse inFile = inFile(inMemory);

        List<FrameSegment> segments = codec.encodeSegments(correlationId, inFile);

        long nonEmptyPartitions = inMemory.topics().stream().flatMap(topic -> topic.partitions().stream())
                .filter(partition -> partition.records().sizeInBytes() > 0).count();
        assertThat(segments).filteredOn(FrameSegment.Records.class::isInstance).hasSize((int) nonEmptyPartitions);
        assertThat(Frames.concatenate(segments, records -> ((FakeFileRecords) records.source()).bytes()))
                .isEqualTo(codec.encode(correlationId, inMemory));
    }

    @Property(tries = 100)
    void recordsSegment_isAlwaysPrecededByItsInt32Size(@ForAll("fetchResponses") FetchResponse inMemory) {
        List<FrameSegment> segments = codec.encodeSegments(7, inFile(inMemory));

        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof FrameSegment.Records records) {
                ByteBuffer before = ((FrameSegment.Bytes) segments.get(i - 1)).buffer();
                assertThat(before.getInt(before.limit() - Integer.BYTES)).isEqualTo(records.sizeInBytes());
            }
        }
    }

    @Property(tries = 50)
    void encode_ofBatchesInAFile_isRefused_becauseOnlyTheNetworkLayerCanSendThem(
            @ForAll("fetchResponses") FetchResponse inMemory) {
        FetchResponse inFile = inFile(inMemory);
        boolean anyRecords = inMemory.topics().stream().flatMap(topic -> topic.partitions().stream())
                .anyMatch(partition -> partition.records().sizeInBytes() > 0);
        if (!anyRecords) {
            return;
        }

        assertThatThrownBy(() -> codec.encode(1, inFile))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toFrameSegments()");
    }

    @Example
    void theGenerators_coverEveryResponseType() {
        Set<Class<?>> generated = MessageArbitraries.responses().sampleStream().limit(2_000)
                .map(Object::getClass).collect(Collectors.toSet());

        assertThat(generated).containsExactlyInAnyOrder(Response.class.getPermittedSubclasses());
    }

    /** The same response with each partition's batches moved to a "file". */
    private static FetchResponse inFile(FetchResponse response) {
        return new FetchResponse(response.topics().stream()
                .map(topic -> new FetchResponse.TopicData(topic.topic(), topic.partitions().stream()
                        .map(p -> new FetchResponse.PartitionData(p.partition(), p.errorCode(), p.logStartOffset(),
                                p.committedEndOffset(), p.nextOffset(), FakeFileRecords.of(p.records())))
                        .toList()))
                .toList());
    }

    @Provide
    Arbitrary<Response> responses() {
        return MessageArbitraries.responses();
    }

    @Provide
    Arbitrary<FetchResponse> fetchResponses() {
        return MessageArbitraries.fetchResponses();
    }

    @Provide
    Arbitrary<ErrorCode> errors() {
        return MessageArbitraries.errorCodes().filter(code -> code != ErrorCode.NONE);
    }

    @Provide
    Arbitrary<String> messages() {
        return MessageArbitraries.text();
    }
}
