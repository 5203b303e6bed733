package io.tributary.client;

import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a broker that can lose answers: after {@link #dropNextProduceAnswers(int)},
 * the next answers to produce requests reach the proxy (so the broker has done the work) but the proxy
 * closes the client's connection instead of passing them on, as a network failure would. Frame-aware
 * in both directions, so it knows which answer belongs to which request. Metadata answers are rewritten
 * to advertise the proxy, so that the client sends everything through it.
 */
final class DroppingProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocketChannel server;
    private final FrameDecoder frames = new FrameDecoder(ProtocolLimits.DEFAULT);
    private final ResponseCodec codec = new ResponseCodec(ProtocolLimits.DEFAULT);
    private final Set<SocketChannel> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger produceAnswersToDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger everyNth = new AtomicInteger();
    private final AtomicInteger produceAnswers = new AtomicInteger();

    private DroppingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().name("proxy-accept").start(this::acceptLoop);
    }

    static DroppingProxy to(InetSocketAddress target) throws IOException {
        return new DroppingProxy(target);
    }

    NodeAddress node() throws IOException {
        return new NodeAddress("127.0.0.1", ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    /** Loses the next {@code count} answers to produce requests, closing the client's connection each time. */
    void dropNextProduceAnswers(int count) {
        produceAnswersToDrop.set(count);
    }

    /** From now on loses every {@code n}th answer to a produce request (0 stops it). */
    void dropEveryNthProduceAnswer(int n) {
        everyNth.set(n);
    }

    /** Answers lost so far. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        try {
            while (server.isOpen()) {
                SocketChannel client = server.accept();
                SocketChannel broker = SocketChannel.open(target);
                sockets.add(client);
                sockets.add(broker);
                Map<Integer, Short> apiByCorrelationId = new ConcurrentHashMap<>();
                Thread.ofVirtual().start(() -> pump(client, broker, apiByCorrelationId, true));
                Thread.ofVirtual().start(() -> pump(broker, client, apiByCorrelationId, false));
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Copies frames from {@code from} to {@code to}; requests are noted, answers may be dropped or rewritten. */
    private void pump(SocketChannel from, SocketChannel to, Map<Integer, Short> apiByCorrelationId, boolean requests) {
        ByteBuffer buffer = ByteBuffer.allocate(ProtocolLimits.DEFAULT_MAX_FRAME_BYTES + 4);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                int start = buffer.position();
                while (frames.next(buffer) instanceof FrameDecoder.Result.Frame frame) {
                    ByteBuffer body = frame.body();
                    ByteBuffer whole = buffer.duplicate().position(start).limit(buffer.position());
                    start = buffer.position();
                    if (requests) {
                        apiByCorrelationId.put(body.getInt(body.position() + 4), body.getShort(body.position()));
                    } else {
                        short api = apiByCorrelationId.remove(body.getInt(body.position()));
                        if (api == ApiKey.PRODUCE.id() && shouldDrop()) {
                            dropped.incrementAndGet();
                            return; // finally closes both sides: the answer is lost
                        }
                        if (api == ApiKey.METADATA.id()) {
                            whole = advertiseProxy(body);
                        }
                    }
                    while (whole.hasRemaining()) {
                        to.write(whole);
                    }
                }
                buffer.compact();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private boolean shouldDrop() {
        int n = everyNth.get();
        if (n > 0 && produceAnswers.incrementAndGet() % n == 0) {
            return true;
        }
        return produceAnswersToDrop.getAndUpdate(count -> Math.max(0, count - 1)) > 0;
    }

    /** The metadata answer with every node replaced by the proxy's address. */
    private ByteBuffer advertiseProxy(ByteBuffer body) throws IOException {
        int correlationId = body.getInt(body.position());
        DecodedResponse decoded = codec.decode(body.duplicate(), ApiKey.METADATA);
        if (!(decoded instanceof DecodedResponse.Success success)) {
            return codec.encodeError(correlationId, ((DecodedResponse.Failure) decoded).errorCode(), "error");
        }
        MetadataResponse metadata = (MetadataResponse) success.response();
        NodeAddress proxy = node();
        List<MetadataResponse.Node> nodes = metadata.nodes().stream()
                .map(n -> new MetadataResponse.Node(n.id(), proxy.host(), proxy.port())).toList();
        return codec.encode(correlationId, new MetadataResponse(metadata.clusterId(), nodes, metadata.controllerId(),
                metadata.topics()));
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
