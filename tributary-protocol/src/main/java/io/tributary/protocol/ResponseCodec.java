package io.tributary.protocol;

import io.tributary.protocol.message.AlterTopicResponse;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.CreateTopicResponse;
import io.tributary.protocol.message.DeleteTopicResponse;
import io.tributary.protocol.message.DescribeGroupResponse;
import io.tributary.protocol.message.DescribeTopicsResponse;
import io.tributary.protocol.message.EndOffsetResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchOffsetsResponse;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.LeaveGroupResponse;
import io.tributary.protocol.message.ListGroupsResponse;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns responses into frames (broker side) and frames into responses (client side). Stateless and
 * thread-safe.
 *
 * <p>A response does not say which api it answers: the client looks up the api it sent under the
 * frame's {@link #correlationId(ByteBuffer) correlation id} and passes it to {@link #decode}.
 */
public final class ResponseCodec {

    private static final String ELLIPSIS = "…";

    private final ProtocolLimits limits;

    public ResponseCodec(ProtocolLimits limits) {
        this.limits = limits;
    }

    /**
     * The whole frame of a successful response (length field included), ready to write.
     *
     * @throws IllegalStateException if the response holds records that are not in memory (use
     *                               {@link #encodeSegments})
     * @throws ProtocolException     if the frame is larger than {@link ProtocolLimits#maxFrameBytes()}
     */
    public ByteBuffer encode(int correlationId, Response response) {
        return write(correlationId, response).toByteBuffer();
    }

    /**
     * The same bytes as {@link #encode}, as segments in wire order: encoded bytes, and one
     * {@link FrameSegment.Records} for each non-empty {@link io.tributary.protocol.wire.RecordsSource} that is
     * not in memory, for the network layer to send itself (with {@code FileChannel.transferTo}).
     */
    public List<FrameSegment> encodeSegments(int correlationId, Response response) {
        return write(correlationId, response).toFrameSegments();
    }

    /**
     * The frame of a response that refuses a request as a whole: the header with {@code errorCode} and
     * {@code message}, no body. A message longer than {@link ProtocolLimits#maxStringBytes()} is cut.
     *
     * @throws IllegalArgumentException if {@code errorCode} is {@link ErrorCode#NONE}
     */
    public ByteBuffer encodeError(int correlationId, ErrorCode errorCode, String message) {
        if (errorCode == ErrorCode.NONE) {
            throw new IllegalArgumentException("an error response needs an error code other than NONE");
        }
        WireWriter out = WireWriter.forFrame();
        new ResponseHeader(correlationId, errorCode, fit(message, limits.maxStringBytes())).encode(out);
        return out.toByteBuffer();
    }

    /**
     * The correlation id at the start of a response frame's body, to find the request it answers.
     *
     * @throws ProtocolException if the body is shorter than 4 bytes
     */
    public static int correlationId(ByteBuffer frameBody) {
        if (frameBody.remaining() < Integer.BYTES) {
            throw new ProtocolException("ResponseHeader.correlationId: needs 4 bytes but only " + frameBody.remaining()
                    + " remain (the frame ends early)");
        }
        int correlationId = frameBody.getInt(frameBody.position());
        // Big-endian whatever the order the caller set on its buffer, as WireReader reads it.
        return frameBody.order() == ByteOrder.BIG_ENDIAN ? correlationId : Integer.reverseBytes(correlationId);
    }

    /**
     * Decodes one response frame body, given the api of the request it answers. Records of a fetch
     * response share the frame's bytes.
     *
     * @throws ProtocolException if the frame does not follow the protocol (the client closes the connection)
     */
    public DecodedResponse decode(ByteBuffer frameBody, ApiKey api) {
        WireReader in = new WireReader(frameBody, limits);
        ResponseHeader header = ResponseHeader.decode(in);
        if (header.isError()) {
            in.requireEnd(api + " error response");
            return new DecodedResponse.Failure(header.correlationId(), header.errorCode(), header.errorMessage());
        }
        Response response = decodeBody(api, in);
        in.requireEnd(api + " response");
        return new DecodedResponse.Success(header.correlationId(), response);
    }

    /** One branch per api; when an api gets a version 2, its branch chooses the reader by version. */
    private static Response decodeBody(ApiKey api, WireReader in) {
        return switch (api) {
            case PRODUCE -> ProduceResponse.decode(in);
            case FETCH -> FetchResponse.decode(in);
            case METADATA -> MetadataResponse.decode(in);
            case CREATE_TOPIC -> CreateTopicResponse.decode(in);
            case DELETE_TOPIC -> DeleteTopicResponse.decode(in);
            case DESCRIBE_TOPICS -> DescribeTopicsResponse.decode(in);
            case ALTER_TOPIC -> AlterTopicResponse.decode(in);
            case END_OFFSET -> EndOffsetResponse.decode(in);
            case GROUP_HEARTBEAT -> GroupHeartbeatResponse.decode(in);
            case LEAVE_GROUP -> LeaveGroupResponse.decode(in);
            case COMMIT_OFFSETS -> CommitOffsetsResponse.decode(in);
            case FETCH_OFFSETS -> FetchOffsetsResponse.decode(in);
            case LIST_GROUPS -> ListGroupsResponse.decode(in);
            case DESCRIBE_GROUP -> DescribeGroupResponse.decode(in);
            case RESET_OFFSETS -> ResetOffsetsResponse.decode(in);
        };
    }

    private WireWriter write(int correlationId, Response response) {
        WireWriter out = WireWriter.forFrame();
        ResponseHeader.success(correlationId).encode(out);
        response.encode(out);
        limits.checkOutgoingFrame(response.apiKey() + " response", out.sizeInBytes() - Integer.BYTES);
        return out;
    }

    /** {@code message}, cut so that its UTF-8 form fits {@code maxBytes}. */
    static String fit(String message, int maxBytes) {
        if (message.length() * 3L <= maxBytes || message.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return message;
        }
        if (maxBytes < 3) {
            return "";
        }
        // At most 3 bytes per char (a surrogate pair is 4 bytes for 2 chars), and 3 for the ellipsis.
        int chars = maxBytes / 3 - 1;
        return message.substring(0, chars) + ELLIPSIS;
    }
}
