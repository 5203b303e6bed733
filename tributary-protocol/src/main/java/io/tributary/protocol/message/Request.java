package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireWriter;

/**
 * The body of a request, after the request header. One record per {@link ApiKey}; each also has a
 * {@code static decode(WireReader)} that reads what {@link #encode} wrote and throws only
 * {@link io.tributary.protocol.wire.ProtocolException}.
 *
 * <p>Messages check structure, not meaning: a negative partition or an invalid topic name decodes fine,
 * and the broker answers it with an error code for that entry.
 */
public sealed interface Request permits ProduceRequest, FetchRequest, MetadataRequest, CreateTopicRequest,
        DeleteTopicRequest, DescribeTopicsRequest, AlterTopicRequest, EndOffsetRequest,
        GroupHeartbeatRequest, LeaveGroupRequest, CommitOffsetsRequest, FetchOffsetsRequest, ListGroupsRequest, DescribeGroupRequest,
        ResetOffsetsRequest {

    /** The api this request belongs to. */
    ApiKey apiKey();

    /** Writes the body (current version of {@link #apiKey()}). */
    void encode(WireWriter out);
}
