package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireWriter;

/**
 * The body of a successful response, after the response header. One record per {@link ApiKey}; each
 * also has a {@code static decode(WireReader)} that throws only
 * {@link io.tributary.protocol.wire.ProtocolException}.
 *
 * <p>A response whose header carries an error has no body (docs/protocol.md, "Errors"); errors that
 * concern one topic or partition sit in the body next to that entry.
 */
public sealed interface Response permits ProduceResponse, FetchResponse, MetadataResponse, CreateTopicResponse,
        DeleteTopicResponse, DescribeTopicsResponse, AlterTopicResponse, EndOffsetResponse,
        GroupHeartbeatResponse, LeaveGroupResponse, CommitOffsetsResponse, FetchOffsetsResponse, ListGroupsResponse, DescribeGroupResponse,
        ResetOffsetsResponse {

    /** The api this response answers. */
    ApiKey apiKey();

    /** Writes the body (current version of {@link #apiKey()}). */
    void encode(WireWriter out);
}
