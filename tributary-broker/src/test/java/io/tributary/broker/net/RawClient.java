package io.tributary.broker.net;

import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A bare protocol client for tests: one blocking socket, frames written and read by hand. */
final class RawClient implements AutoCloseable {

    private final SocketChannel channel;
    private final RequestCodec requests = new RequestCodec(ProtocolLimits.DEFAULT);
    private final ResponseCodec responses = new ResponseCodec(ProtocolLimits.DEFAULT);
    private int nextCorrelationId;

    RawClient(InetSocketAddress address) throws IOException {
        channel = SocketChannel.open(address);
    }

    /** Sends {@code request} and returns the decoded answer. */
    DecodedResponse call(Request request) throws IOException {
        int correlationId = send(request);
        return receive(request.apiKey(), correlationId);
    }

    /** The body of a successful answer to {@code request}. */
    @SuppressWarnings("unchecked")
    <T extends Response> T success(Request request) throws IOException {
        DecodedResponse answer = call(request);
        if (answer instanceof DecodedResponse.Success success) {
            return (T) success.response();
        }
        throw new AssertionError("expected success, got " + answer);
    }

    int send(Request request) throws IOException {
        int correlationId = nextCorrelationId++;
        writeRaw(requests.encode(correlationId, "raw-test", request));
        return correlationId;
    }

    void writeRaw(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    DecodedResponse receive(ApiKey api, int expectedCorrelationId) throws IOException {
        ByteBuffer length = readFully(ByteBuffer.allocate(4)).flip();
        ByteBuffer body = readFully(ByteBuffer.allocate(length.getInt())).flip();
        DecodedResponse answer = responses.decode(body, api);
        if (answer.correlationId() != expectedCorrelationId) {
            throw new AssertionError("answer to " + answer.correlationId() + " arrived before " + expectedCorrelationId);
        }
        return answer;
    }

    /** Whether the server closed the connection (reads end of stream). */
    boolean isClosedByServer() throws IOException {
        try {
            return channel.read(ByteBuffer.allocate(1)) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    private ByteBuffer readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the server closed the connection");
            }
        }
        return buffer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
