package io.tributary.protocol;

import io.tributary.format.CorruptBatchException;
import io.tributary.protocol.message.AlterTopicRequest;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CreateTopicRequest;
import io.tributary.protocol.message.DeleteTopicRequest;
import io.tributary.protocol.message.DescribeGroupRequest;
import io.tributary.protocol.message.DescribeTopicsRequest;
import io.tributary.protocol.message.EndOffsetRequest;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsRequest;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.LeaveGroupRequest;
import io.tributary.protocol.message.ListGroupsRequest;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns requests into frames (client side) and frames into requests (broker side). Stateless and
 * thread-safe: each frame is decoded on its own, so pipelined requests need nothing but their
 * correlation ids.
 *
 * <p>Decoding separates what breaks the stream from what breaks one request. A frame whose header
 * cannot be read throws {@link ProtocolException}: there is no correlation id to answer, so the broker
 * closes the connection. Anything wrong after a good header (unknown api, unsupported version, a body
 * that does not decode or has bytes left over) is a {@link DecodedRequest.Rejected} the broker answers
 * with an error response, keeping the connection.
 */
public final class RequestCodec {

    private final ProtocolLimits limits;

    public RequestCodec(ProtocolLimits limits) {
        this.limits = limits;
    }

    /**
     * The whole frame of {@code request} (length field included), at the api's current version, ready to write.
     *
     * @throws ProtocolException if the frame is larger than {@link ProtocolLimits#maxFrameBytes()}
     */
    public ByteBuffer encode(int correlationId, @Nullable String clientId, Request request) {
        return write(correlationId, clientId, request).toByteBuffer();
    }

    /**
     * The same bytes as {@link #encode}, as segments that share the batches' bytes instead of copying
     * them, for a gathering write.
     */
    public List<FrameSegment> encodeSegments(int correlationId, @Nullable String clientId, Request request) {
        return write(correlationId, clientId, request).toFrameSegments();
    }

    /**
     * Decodes one frame body (as {@link io.tributary.protocol.wire.FrameDecoder} returns it). Batches of a
     * produce request share the frame's bytes.
     *
     * @throws ProtocolException only if the request header itself cannot be read
     */
    public DecodedRequest decode(ByteBuffer frameBody) {
        WireReader in = new WireReader(frameBody, limits);
        RequestHeader header = RequestHeader.decode(in);
        Optional<ApiKey> known = header.knownApi();
        if (known.isEmpty()) {
            return new DecodedRequest.Rejected(header, ErrorCode.UNSUPPORTED_API, "api key " + header.apiKey()
                    + " is not known to this server; it speaks api keys 0 to " + (ApiKey.values().length - 1)
                    + " (docs/protocol.md)");
        }
        ApiKey api = known.get();
        if (!api.supports(header.apiVersion())) {
            return new DecodedRequest.Rejected(header, ErrorCode.UNSUPPORTED_VERSION, api + " version "
                    + header.apiVersion() + " is not supported; this server speaks versions " + api.minVersion()
                    + " to " + api.currentVersion());
        }
        try {
            Request request = decodeBody(api, in);
            in.requireEnd(api + " request");
            return new DecodedRequest.Accepted(header, request);
        } catch (ProtocolException e) {
            ErrorCode error = e.getCause() instanceof CorruptBatchException ? ErrorCode.CORRUPT_MESSAGE
                    : ErrorCode.INVALID_REQUEST;
            return new DecodedRequest.Rejected(header, error, e.getMessage());
        }
    }

    /** One branch per api; when an api gets a version 2, its branch chooses the reader by version. */
    private static Request decodeBody(ApiKey api, WireReader in) {
        return switch (api) {
            case PRODUCE -> ProduceRequest.decode(in);
            case FETCH -> FetchRequest.decode(in);
            case METADATA -> MetadataRequest.decode(in);
            case CREATE_TOPIC -> CreateTopicRequest.decode(in);
            case DELETE_TOPIC -> DeleteTopicRequest.decode(in);
            case DESCRIBE_TOPICS -> DescribeTopicsRequest.decode(in);
            case ALTER_TOPIC -> AlterTopicRequest.decode(in);
            case END_OFFSET -> EndOffsetRequest.decode(in);
            case GROUP_HEARTBEAT -> GroupHeartbeatRequest.decode(in);
            case LEAVE_GROUP -> LeaveGroupRequest.decode(in);
            case COMMIT_OFFSETS -> CommitOffsetsRequest.decode(in);
            case FETCH_OFFSETS -> FetchOffsetsRequest.decode(in);
            case LIST_GROUPS -> ListGroupsRequest.decode(in);
            case DESCRIBE_GROUP -> DescribeGroupRequest.decode(in);
            case RESET_OFFSETS -> ResetOffsetsRequest.decode(in);
        };
    }

    private WireWriter write(int correlationId, @Nullable String clientId, Request request) {
        WireWriter out = WireWriter.forFrame();
        RequestHeader.of(request.apiKey(), correlationId, clientId).encode(out);
        request.encode(out);
        limits.checkOutgoingFrame(request.apiKey() + " request", out.sizeInBytes() - Integer.BYTES);
        return out;
    }
}
