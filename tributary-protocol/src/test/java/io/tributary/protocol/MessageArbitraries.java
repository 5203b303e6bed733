package io.tributary.protocol;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.CompressionCodec;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.AlterTopicRequest;
import io.tributary.protocol.message.AlterTopicResponse;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DeleteTopicRequest;
import io.tributary.protocol.message.DeleteTopicResponse;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsRequest;
import io.tributary.protocol.message.FetchOffsetsResponse;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.LeaveGroupRequest;
import io.tributary.protocol.message.LeaveGroupResponse;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.message.TopicOffsets;
import io.tributary.protocol.message.TopicPartitions;
import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.ProtocolLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of every request and response the protocol speaks, with the values a hostile or merely
 * unusual peer would send: negative partitions and offsets, empty and non-ASCII strings, strings of the
 * largest length an int16 allows, null where the protocol allows it, empty and repeated lists, and
 * batches of every compression codec with assigned base offsets.
 *
 * <p>Messages check structure, not meaning, so every {@code int} and {@code long} may take any value.
 */
final class MessageArbitraries {

    private static final int MAX_ENTRIES = 3;

    private MessageArbitraries() {
    }

    /** Any request, each api equally likely. */
    static Arbitrary<Request> requests() {
        return Arbitraries.oneOf(List.of(produceRequests(), fetchRequests(), metadataRequests(), createTopicRequests(),
                deleteTopicRequests(), describeTopicsRequests(), alterTopicRequests(), endOffsetRequests(),
                groupHeartbeatRequests(), leaveGroupRequests(), commitOffsetsRequests(), fetchOffsetsRequests(),
                listGroupsRequests(), describeGroupRequests(), resetOffsetsRequests()));
    }

    /** Any successful response body, each api equally likely. */
    static Arbitrary<Response> responses() {
        return Arbitraries.oneOf(List.of(produceResponses(), fetchResponses(), metadataResponses(), createTopicResponses(),
                deleteTopicResponses(), describeTopicsResponses(), alterTopicResponses(), endOffsetResponses(),
                groupHeartbeatResponses(), leaveGroupResponses(), commitOffsetsResponses(), fetchOffsetsResponses(),
                listGroupsResponses(), describeGroupResponses(), resetOffsetsResponses()));
    }

    // ---- requests

    static Arbitrary<ProduceRequest> produceRequests() {
        Arbitrary<ProduceRequest.PartitionData> partitions = Combinators.combine(partitionNumbers(), batches())
                .as(ProduceRequest.PartitionData::new);
        Arbitrary<ProduceRequest.TopicData> topics = Combinators.combine(topicNames(), entries(partitions))
                .as(ProduceRequest.TopicData::new);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers(), entries(topics))
                .as(ProduceRequest::new);
    }

    static Arbitrary<FetchRequest> fetchRequests() {
        Arbitrary<FetchRequest.PartitionData> partitions = Combinators.combine(partitionNumbers(), Arbitraries.longs(),
                Arbitraries.integers()).as(FetchRequest.PartitionData::new);
        Arbitrary<FetchRequest.TopicData> topics = Combinators.combine(topicNames(), entries(partitions))
                .as(FetchRequest.TopicData::new);
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), entries(topics))
                .as(FetchRequest::new);
    }

    static Arbitrary<MetadataRequest> metadataRequests() {
        return entries(topicNames()).map(MetadataRequest::new);
    }

    static Arbitrary<CreateTopicRequest> createTopicRequests() {
        return Combinators.combine(topicNames(), Arbitraries.integers(), configs()).as(CreateTopicRequest::new);
    }

    static Arbitrary<DeleteTopicRequest> deleteTopicRequests() {
        return topicNames().map(DeleteTopicRequest::new);
    }

    static Arbitrary<DescribeTopicsRequest> describeTopicsRequests() {
        return entries(topicNames()).map(DescribeTopicsRequest::new);
    }

    static Arbitrary<AlterTopicRequest> alterTopicRequests() {
        return Combinators.combine(topicNames(), configs()).as(AlterTopicRequest::new);
    }

    static Arbitrary<EndOffsetRequest> endOffsetRequests() {
        return Combinators.combine(topicNames(), partitionNumbers()).as(EndOffsetRequest::new);
    }

    static Arbitrary<GroupHeartbeatRequest> groupHeartbeatRequests() {
        return Combinators.combine(topicNames(), text(), Arbitraries.integers(), text(), entries(topicNames()),
                topicPartitions()).as(GroupHeartbeatRequest::new);
    }

    static Arbitrary<LeaveGroupRequest> leaveGroupRequests() {
        return Combinators.combine(topicNames(), text()).as(LeaveGroupRequest::new);
    }

    static Arbitrary<CommitOffsetsRequest> commitOffsetsRequests() {
        return Combinators.combine(topicNames(), text(), Arbitraries.integers(), topicOffsets())
                .as(CommitOffsetsRequest::new);
    }

    static Arbitrary<FetchOffsetsRequest> fetchOffsetsRequests() {
        return Combinators.combine(topicNames(), topicPartitions()).as(FetchOffsetsRequest::new);
    }

    static Arbitrary<ListGroupsRequest> listGroupsRequests() {
        return Arbitraries.just(ListGroupsRequest.INSTANCE);
    }

    static Arbitrary<DescribeGroupRequest> describeGroupRequests() {
        return topicNames().map(DescribeGroupRequest::new);
    }

    /** Every kind the protocol defines and some it does not (the broker refuses those), any value. */
    static Arbitrary<ResetOffsetsRequest> resetOffsetsRequests() {
        return Combinators.combine(topicNames(), topicNames().injectNull(0.3), Arbitraries.bytes(), Arbitraries.longs())
                .as(ResetOffsetsRequest::new);
    }

    // ---- responses

    static Arbitrary<ProduceResponse> produceResponses() {
        Arbitrary<ProduceResponse.PartitionResult> partitions = Combinators.combine(partitionNumbers(), errorCodes(),
                text().injectNull(0.5), Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as(ProduceResponse.PartitionResult::new);
        Arbitrary<ProduceResponse.TopicResult> topics = Combinators.combine(topicNames(), entries(partitions))
                .as(ProduceResponse.TopicResult::new);
        return entries(topics).map(ProduceResponse::new);
    }

    static Arbitrary<FetchResponse> fetchResponses() {
        Arbitrary<FetchResponse.PartitionData> partitions = Combinators.combine(partitionNumbers(), errorCodes(),
                Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(), memoryRecords())
                .as(FetchResponse.PartitionData::new);
        Arbitrary<FetchResponse.TopicData> topics = Combinators.combine(topicNames(), entries(partitions))
                .as(FetchResponse.TopicData::new);
        return entries(topics).map(FetchResponse::new);
    }

    static Arbitrary<MetadataResponse> metadataResponses() {
        Arbitrary<MetadataResponse.Node> nodes = Combinators.combine(Arbitraries.integers(), text(),
                Arbitraries.integers()).as(MetadataResponse.Node::new);
        Arbitrary<MetadataResponse.PartitionMetadata> partitions = Combinators.combine(partitionNumbers(),
                Arbitraries.integers(), errorCodes()).as(MetadataResponse.PartitionMetadata::new);
        Arbitrary<MetadataResponse.TopicMetadata> topics = Combinators.combine(topicNames(), errorCodes(),
                entries(partitions)).as(MetadataResponse.TopicMetadata::new);
        return Combinators.combine(text(), entries(nodes), Arbitraries.integers(), entries(topics))
                .as(MetadataResponse::new);
    }

    static Arbitrary<CreateTopicResponse> createTopicResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5)).as(CreateTopicResponse::new);
    }

    static Arbitrary<DeleteTopicResponse> deleteTopicResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5)).as(DeleteTopicResponse::new);
    }

    static Arbitrary<DescribeTopicsResponse> describeTopicsResponses() {
        Arbitrary<DescribeTopicsResponse.PartitionDescription> partitions = Combinators.combine(partitionNumbers(),
                Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as(DescribeTopicsResponse.PartitionDescription::new);
        Arbitrary<DescribeTopicsResponse.TopicDescription> topics = Combinators.combine(topicNames(), errorCodes(),
                configs(), entries(partitions)).as(DescribeTopicsResponse.TopicDescription::new);
        return entries(topics).map(DescribeTopicsResponse::new);
    }

    static Arbitrary<AlterTopicResponse> alterTopicResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5)).as(AlterTopicResponse::new);
    }

    static Arbitrary<EndOffsetResponse> endOffsetResponses() {
        return Combinators.combine(errorCodes(), Arbitraries.longs(), Arbitraries.longs()).as(EndOffsetResponse::new);
    }

    static Arbitrary<GroupHeartbeatResponse> groupHeartbeatResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5), text(), Arbitraries.integers(),
                Arbitraries.integers(), topicPartitions()).as(GroupHeartbeatResponse::new);
    }

    static Arbitrary<LeaveGroupResponse> leaveGroupResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5)).as(LeaveGroupResponse::new);
    }

    static Arbitrary<CommitOffsetsResponse> commitOffsetsResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5)).as(CommitOffsetsResponse::new);
    }

    static Arbitrary<FetchOffsetsResponse> fetchOffsetsResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5), topicOffsets()).as(FetchOffsetsResponse::new);
    }

    static Arbitrary<ListGroupsResponse> listGroupsResponses() {
        Arbitrary<ListGroupsResponse.GroupListing> groups = Combinators.combine(topicNames(), Arbitraries.bytes(),
                Arbitraries.integers(), Arbitraries.integers()).as(ListGroupsResponse.GroupListing::new);
        return Combinators.combine(errorCodes(), text().injectNull(0.5), entries(groups)).as(ListGroupsResponse::new);
    }

    static Arbitrary<DescribeGroupResponse> describeGroupResponses() {
        Arbitrary<DescribeGroupResponse.Member> members = Combinators.combine(text(), text(), entries(topicNames()),
                topicPartitions(), topicPartitions(), Arbitraries.longs()).as(DescribeGroupResponse.Member::new);
        Arbitrary<DescribeGroupResponse.PartitionProgress> partitions = Combinators.combine(topicNames(),
                partitionNumbers(), text().injectNull(0.5), Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as(DescribeGroupResponse.PartitionProgress::new);
        return Combinators.combine(errorCodes(), text().injectNull(0.5), topicNames(), Arbitraries.bytes(),
                Arbitraries.integers(), entries(members), entries(partitions)).as(DescribeGroupResponse::new);
    }

    static Arbitrary<ResetOffsetsResponse> resetOffsetsResponses() {
        return Combinators.combine(errorCodes(), text().injectNull(0.5), topicOffsets()).as(ResetOffsetsResponse::new);
    }

    // ---- fields

    /** Topics with partition numbers (any, negative included), empty and repeated entries allowed. */
    static Arbitrary<List<TopicPartitions>> topicPartitions() {
        return entries(Combinators.combine(topicNames(), entries(partitionNumbers())).as(TopicPartitions::new));
    }

    /** Topics with partition and offset pairs (any values). */
    static Arbitrary<List<TopicOffsets>> topicOffsets() {
        Arbitrary<TopicOffsets.PartitionOffset> partitions = Combinators.combine(partitionNumbers(), Arbitraries.longs())
                .as(TopicOffsets.PartitionOffset::new);
        return entries(Combinators.combine(topicNames(), entries(partitions)).as(TopicOffsets::new));
    }

    /** Client ids: absent, empty, short, non-ASCII. */
    static Arbitrary<String> clientIds() {
        return text().injectNull(0.3);
    }

    /** Every error code this build knows, {@link ErrorCode#NONE} included. */
    static Arbitrary<ErrorCode> errorCodes() {
        return Arbitraries.of(ErrorCode.class);
    }

    /**
     * Topic names. The protocol carries any string (the broker applies the {@code TopicName} rule), so
     * names the rule refuses are generated too.
     */
    static Arbitrary<String> topicNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("._-")
                        .ofMinLength(1).ofMaxLength(20)),
                Tuple.of(2, text()));
    }

    /**
     * Well-formed strings: empty, ASCII, two- and three-byte UTF-8, surrogate pairs, and the longest an
     * int16 length allows. (A string with an unpaired surrogate is written with {@code ?} in its place, so
     * it cannot round-trip; the writer's Javadoc says so.)
     */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)),
                Tuple.of(4, Arbitraries.strings().withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e20')
                        .ofMaxLength(12)),
                Tuple.of(2, Arbitraries.of("", "名前", "émoji \uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE01")),
                Tuple.of(1, Arbitraries.of(
                        "x".repeat(ProtocolLimits.MAX_STRING_BYTES),
                        "名".repeat(ProtocolLimits.MAX_STRING_BYTES / 3))));
    }

    /** Topic settings: 0 to a few distinct keys, in a random order the codec must keep. */
    static Arbitrary<Map<String, String>> configs() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').withChars(".-").ofMinLength(1)
                .ofMaxLength(24), text()).ofMaxSize(4);
    }

    /** Partition numbers, including {@link ProduceRequest#ANY_PARTITION} and other negatives. */
    static Arbitrary<Integer> partitionNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 64)),
                Tuple.of(1, Arbitraries.just(ProduceRequest.ANY_PARTITION)),
                Tuple.of(1, Arbitraries.integers()));
    }

    /** Zero to three whole batches back to back, as a fetch returns them. */
    static Arbitrary<MemoryRecords> memoryRecords() {
        return batches().list().ofMaxSize(3).map(MemoryRecords::of);
    }

    /** One batch of one to five records, any codec, with a base offset the log could have assigned. */
    static Arbitrary<RecordBatch> batches() {
        Arbitrary<Record> records = Combinators.combine(
                Arbitraries.strings().ofMaxLength(8).injectNull(0.3),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).list().ofMaxSize(2),
                Arbitraries.strings().ofMaxLength(64),
                Arbitraries.longs().between(0, 4_000_000_000_000L))
                .as((key, headerNames, value, timestamp) -> new Record(
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        headerNames.stream().map(name -> new Header(name, name.getBytes(StandardCharsets.UTF_8))).toList(),
                        value.getBytes(StandardCharsets.UTF_8), timestamp));
        return Combinators.combine(records.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(CompressionCodec.class),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2)).as(MessageArbitraries::batch);
    }

    /** A built batch whose base offset has been assigned, as the log stores it. */
    static RecordBatch batch(List<Record> records, CompressionCodec codec, long baseOffset) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        records.forEach(builder::add);
        RecordBatch batch = builder.build();
        batch.assignBaseOffset(baseOffset);
        return batch;
    }

    private static <T> Arbitrary<List<T>> entries(Arbitrary<T> element) {
        return element.list().ofMaxSize(MAX_ENTRIES);
    }
}
