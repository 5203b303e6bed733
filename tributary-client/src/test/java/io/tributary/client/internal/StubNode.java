package io.tributary.client.internal;

import io.tributary.client.NodeAddress;
import io.tributary.protocol.DecodedRequest;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A node that speaks the wire protocol on loopback and answers each request as a test scripts it,
 * one connection at a time, in request order. For tests of the client's connection handling without
 * a broker: silence, dropped connections, errors, other cluster ids.
 */
final class StubNode implements AutoCloseable {

    /** How the stub answers one request. */
    sealed interface Reply {
        record Answer(Response response) implements Reply {
        }

        record Error(ErrorCode code, String message) implements Reply {
        }

        /** Read the request and never answer it. */
        record Silence() implements Reply {
        }

        /** Close the connection instead of answering. */
        record Hangup() implements Reply {
        }

        static Reply answer(Response response) {
            return new Answer(response);
        }
    }

    private final ServerSocketChannel server;
    private final RequestCodec requests = new RequestCodec(ProtocolLimits.DEFAULT);
    private final ResponseCodec responses = new ResponseCodec(ProtocolLimits.DEFAULT);
    private final FrameDecoder frames = new FrameDecoder(ProtocolLimits.DEFAULT);
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> script;

    private StubNode(Function<Request, Reply> script) throws IOException {
        this.script = script;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().name("stub-node-accept").start(this::acceptLoop);
    }

    static StubNode start(Function<Request, Reply> script) throws IOException {
        return new StubNode(script);
    }

    NodeAddress address() {
        try {
            InetSocketAddress local = (InetSocketAddress) server.getLocalAddress();
            return new NodeAddress("127.0.0.1", local.getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces how the stub answers from now on. */
    void script(Function<Request, Reply> next) {
        this.script = next;
    }

    /** Every request received so far, in order. */
    List<Request> received() {
        return List.copyOf(received);
    }

    /** Metadata naming this node as node {@code nodeId} and the leader of every partition of {@code topics}. */
    MetadataResponse metadata(String clusterId, int nodeId, String topic, int partitions) {
        List<MetadataResponse.PartitionMetadata> leaders = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            leaders.add(new MetadataResponse.PartitionMetadata(p, nodeId, ErrorCode.NONE));
        }
        return new MetadataResponse(clusterId, List.of(new MetadataResponse.Node(nodeId, "127.0.0.1", address().port())),
                nodeId, List.of(new MetadataResponse.TopicMetadata(topic, ErrorCode.NONE, leaders)));
    }

    /** Closes every open connection, as a crash would. */
    void dropConnections() {
        for (SocketChannel connection : connections) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }

    private void acceptLoop() {
        try {
            while (server.isOpen()) {
                SocketChannel connection = server.accept();
                connections.add(connection);
                Thread.ofVirtual().name("stub-node-connection").start(() -> serve(connection));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(SocketChannel connection) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try {
            while (connection.read(buffer) >= 0) {
                buffer.flip();
                while (frames.next(buffer) instanceof FrameDecoder.Result.Frame frame) {
                    ByteBuffer body = ByteBuffer.allocate(frame.body().remaining()).put(frame.body()).flip();
                    if (!(requests.decode(body) instanceof DecodedRequest.Accepted accepted)) {
                        throw new IOException("the stub got a request it cannot decode");
                    }
                    received.add(accepted.request());
                    int correlationId = accepted.header().correlationId();
                    switch (script.apply(accepted.request())) {
                        case Reply.Answer answer -> write(connection, responses.encode(correlationId, answer.response()));
                        case Reply.Error error -> write(connection,
                                responses.encodeError(correlationId, error.code(), error.message()));
                        case Reply.Silence silence -> {
                        }
                        case Reply.Hangup hangup -> {
                            connection.close();
                            return;
                        }
                    }
                }
                buffer.compact();
            }
        } catch (IOException e) {
            // the client went away or the test closed the stub
        } finally {
            connections.remove(connection);
            closeQuietly(connection);
        }
    }

    private static void write(SocketChannel connection, ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            connection.write(frame);
        }
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
