package io.tributary.broker.net;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.broker.service.BrokerService;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary protocol listener. Each connection gets two virtual threads (reader and writer); the
 * number of connections, the bytes of requests in memory and the requests in flight per connection are
 * bounded. {@link #close} stops accepting, stops reading, lets the answers to requests already read be
 * written (up to a deadline) and then closes every connection.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);
    private static final long FRAME_OVERHEAD_BYTES = 64 << 10;

    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final ProtocolLimits limits;
    private final RequestHandler handler;
    private final Semaphore requestMemory;
    private final int maxConnections;
    private final long maxRequestBytes;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tributary-connection-", 0).factory());
    private final Counter malformedFrames;
    private final Counter refusedConnections;
    private final Thread acceptor;

    private TcpServer(ServerSocketChannel listener, BrokerService service, MeterRegistry metrics) throws IOException {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        var config = service.config();
        // Room for names, offsets and headers around the largest request's batches, and for a fetch
        // answer whose first batch is as large as the log allows.
        long largestPayload = Math.max(config.maxRequestBytes().bytes(), config.log().maxBatchBytes().bytes());
        this.limits = ProtocolLimits.DEFAULT.withMaxFrameBytes((int) Math.min(ProtocolLimits.MAX_FRAME_BYTES,
                largestPayload + FRAME_OVERHEAD_BYTES));
        this.handler = new RequestHandler(service, new MetadataResponse.Node(RequestHandler.NODE_ID,
                address.getHostString(), address.getPort()));
        this.requestMemory = service.requestMemory();
        this.maxConnections = config.maxConnections();
        this.maxRequestBytes = config.maxRequestBytes().bytes();
        this.malformedFrames = Counter.builder("tributary.broker.malformed.frames")
                .description("frames that broke the protocol; each closed its connection").register(metrics);
        this.refusedConnections = Counter.builder("tributary.broker.refused.connections")
                .description("connections refused because tributary.broker.max-connections were open").register(metrics);
        Gauge.builder("tributary.broker.connections", connections, Set::size)
                .description("open client connections").register(metrics);
        this.acceptor = Thread.ofVirtual().name("tributary-acceptor").unstarted(this::acceptConnections);
    }

    /** Binds {@code host:port} (0 picks a free port) and starts accepting. */
    public static TcpServer start(String host, int port, BrokerService service, MeterRegistry metrics) {
        ServerSocketChannel listener = null;
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(host, port), 128);
            TcpServer server = new TcpServer(listener, service, metrics);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            closeQuietly(listener);
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another broker running there? pick another port with --port", e);
        }
    }

    /** Where the server listens. */
    public InetSocketAddress address() {
        return address;
    }

    private void acceptConnections() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("accept failed: {}", e.toString());
                continue;
            }
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (connections.size() >= maxConnections) {
                    refusedConnections.increment();
                    threads.execute(() -> refuse(channel));
                    continue;
                }
                Connection connection = new Connection(channel, limits, maxRequestBytes, handler, requestMemory,
                        malformedFrames);
                connections.add(connection);
                threads.execute(connection::readRequests);
                threads.execute(() -> {
                    try {
                        connection.writeResponses();
                    } finally {
                        connections.remove(connection);
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot serve a new connection: {}", e.toString());
                closeQuietly(channel);
            }
        }
    }

    /** Answers the first request with TOO_MANY_CONNECTIONS, then closes. */
    private void refuse(SocketChannel channel) {
        try (channel) {
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            while (length.hasRemaining() && channel.read(length) >= 0) {
                // wait for the first frame's length
            }
            int frameBytes = limits.checkFrameLength(length.flip().getInt());
            ByteBuffer frame = ByteBuffer.allocate(Math.min(frameBytes, 1024));
            while (frame.hasRemaining() && channel.read(frame) >= 0) {
                // the header is at the start of the frame
            }
            int correlationId = new RequestCodec(limits).decode(frame.flip()).header().correlationId();
            ByteBuffer answer = new ResponseCodec(limits).encodeError(correlationId, ErrorCode.TOO_MANY_CONNECTIONS,
                    "the broker has " + maxConnections + " connections open (tributary.broker.max-connections); "
                            + "close some or raise the limit");
            while (answer.hasRemaining()) {
                channel.write(answer);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("refused connection: {}", e.toString());
        }
    }

    /**
     * Stops accepting and reading; waits up to {@code grace} for the answers to requests already read
     * (commits in flight) to be written; then closes every connection.
     */
    public void close(Duration grace) {
        closeQuietly(listener);
        connections.forEach(Connection::stopReading);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} connection(s) still busy after {}; closing them", connections.size(), grace);
                connections.forEach(Connection::closeChannel);
                threads.shutdownNow();
                threads.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(Connection::closeChannel);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
