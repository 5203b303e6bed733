package io.tributary.client.internal;

import io.tributary.api.TributaryException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.NodeAddress;
import io.tributary.client.RecordTooLargeException;
import io.tributary.client.TimedOutException;
import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to one node, carrying pipelined requests. Thread-safe.
 *
 * <p>{@link #call} writes a request on the caller's thread and returns a future; one reader thread per
 * connection (virtual by default) cuts response frames, matches each to its request by correlation id
 * and completes the future, so dependent stages attached without an executor run on the reader and
 * must not block. The node answers in request order, so a request that gets no answer within its
 * timeout means every request behind it is stuck too: the timeout fails that call with
 * {@link TimedOutException} and closes the connection. A closed connection fails every outstanding call
 * with {@link ConnectionLostException} naming the node and the reason.
 *
 * <p>At most {@code maxInFlightRequests} calls are outstanding; {@link #call} waits for room within its
 * timeout. Each connection holds a 64 KiB direct read buffer; larger answers get an array of their own,
 * bounded by the protocol limits.
 */
public final class NodeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);
    private static final int READ_BUFFER_BYTES = 64 << 10;

    /** A request sent and not yet answered. */
    private static final class PendingCall {
        final ApiKey api;
        final int correlationId;
        final Duration timeout;
        final CompletableFuture<Response> future = new CompletableFuture<>();
        volatile @Nullable ScheduledFuture<?> timer;

        PendingCall(ApiKey api, int correlationId, Duration timeout) {
            this.api = api;
            this.correlationId = correlationId;
            this.timeout = timeout;
        }
    }

    private final NodeAddress address;
    private final SocketChannel channel;
    private final ConnectionSettings settings;
    private final RequestCodec requestCodec;
    private final ResponseCodec responseCodec;
    private final FrameDecoder frameDecoder;
    private final ScheduledExecutorService timer;
    private final Semaphore slots;
    private final Map<Integer, PendingCall> pending = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicReference<@Nullable String> closedBecause = new AtomicReference<>();
    private int nextCorrelationId; // guarded by writeLock

    private NodeConnection(NodeAddress address, SocketChannel channel, ConnectionSettings settings,
            ScheduledExecutorService timer) {
        this.address = address;
        this.channel = channel;
        this.settings = settings;
        this.requestCodec = new RequestCodec(settings.limits());
        this.responseCodec = new ResponseCodec(settings.limits());
        this.frameDecoder = new FrameDecoder(settings.limits());
        this.timer = timer;
        this.slots = new Semaphore(settings.maxInFlightRequests());
    }

    /**
     * Opens a blocking TCP connection within the connect timeout (or {@code deadline}, if sooner) and
     * starts its reader thread.
     *
     * @throws UnreachableNodeException if the host does not resolve or the connect fails or times out
     */
    public static NodeConnection open(NodeAddress address, ConnectionSettings settings, ScheduledExecutorService timer,
            Deadline deadline) {
        long timeoutMillis = Math.max(1, Math.min(settings.connectTimeout().toMillis(), deadline.remaining().toMillis()));
        SocketChannel channel = null;
        try {
            InetSocketAddress resolved = new InetSocketAddress(address.host(), address.port());
            if (resolved.isUnresolved()) {
                throw new UnreachableNodeException(address, "cannot resolve host " + address.host(), new IOException());
            }
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            // The socket adaptor's connect is the blocking connect of a SocketChannel that has a timeout.
            channel.socket().connect(resolved, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UnreachableNodeException(address, "cannot connect to " + address + " within " + timeoutMillis
                    + " ms: " + describe(e), e);
        }
        NodeConnection connection = new NodeConnection(address, channel, settings, timer);
        settings.readerThreads().newThread(connection::readLoop).start();
        return connection;
    }

    /** The node this connects to. */
    public NodeAddress address() {
        return address;
    }

    /** Whether the connection still carries requests. */
    public boolean isOpen() {
        return closedBecause.get() == null;
    }

    /** Requests sent and not yet answered. */
    public int outstanding() {
        return pending.size();
    }

    /**
     * Sends {@code request}. Waits on the caller's thread for a free in-flight slot and to write the frame;
     * the answer completes the future on the reader thread.
     *
     * @param timeout how long the answer may take; then the future fails with {@link TimedOutException}
     *                and the connection closes
     * @return the response; or a future failed with the exception {@link BrokerErrors} names for an error
     *         in the response header, {@link TimedOutException}, {@link ConnectionLostException} or
     *         {@link RecordTooLargeException} for a request larger than the frame limit
     */
    public CompletableFuture<Response> call(Request request, Duration timeout) {
        String reason = closedBecause.get();
        if (reason != null) {
            return CompletableFuture.failedFuture(lost(request.apiKey(), reason));
        }
        try {
            if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return CompletableFuture.failedFuture(new TimedOutException(request.apiKey() + " request to " + address
                        + " could not be sent within " + timeout + ": " + settings.maxInFlightRequests()
                        + " requests are already outstanding on the connection; raise tributary.client.max-in-flight-requests"
                        + " or send less at once"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new TributaryException("interrupted while waiting to send "
                    + request.apiKey() + " to " + address, e));
        }
        PendingCall call;
        writeLock.lock();
        try {
            int correlationId = nextCorrelationId++;
            List<FrameSegment> frame;
            try {
                frame = requestCodec.encodeSegments(correlationId, settings.clientId(), request);
            } catch (ProtocolException e) {
                slots.release();
                return CompletableFuture.failedFuture(new RecordTooLargeException(request.apiKey() + " request to "
                        + address + " is too large: " + e.getMessage(), e));
            }
            call = new PendingCall(request.apiKey(), correlationId, timeout);
            pending.put(correlationId, call);
            // Registered before the write so the answer cannot race ahead; the timer also bounds a stuck write.
            call.timer = timer.schedule(() -> expire(call), timeout.toNanos(), TimeUnit.NANOSECONDS);
            reason = closedBecause.get();
            if (reason != null) {
                fail(call, lost(call.api, reason));
                return call.future;
            }
            try {
                write(frame);
            } catch (IOException e) {
                closeWith("writing a request failed: " + describe(e)); // fails this call too
            }
        } finally {
            writeLock.unlock();
        }
        return call.future;
    }

    /** Closes the connection; outstanding calls fail with {@link ConnectionLostException}. Idempotent. */
    @Override
    public void close() {
        closeWith("closed by the client");
    }

    @Override
    public String toString() {
        return "NodeConnection[" + address + ", " + (isOpen() ? "open" : "closed: " + closedBecause.get()) + ", "
                + pending.size() + " outstanding]";
    }

    private void write(List<FrameSegment> frame) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[frame.size()];
        long remaining = 0;
        for (int i = 0; i < buffers.length; i++) {
            if (!(frame.get(i) instanceof FrameSegment.Bytes bytes)) {
                throw new IllegalStateException("a client request carries its batches in memory, got " + frame.get(i));
            }
            buffers[i] = bytes.buffer();
            remaining += buffers[i].remaining();
        }
        while (remaining > 0) {
            remaining -= channel.write(buffers); // blocking: returns once some bytes are written
        }
    }

    /**
     * Reads answers into one direct buffer (the socket copies into it without a temporary buffer) and
     * copies each frame out once, into an array of its own that the decoded answer may keep (a fetch's
     * records share it). A frame larger than the buffer is read straight through into its array.
     */
    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
        try {
            while (isOpen()) {
                if (channel.read(buffer) < 0) {
                    closeWith("the node closed the connection");
                    return;
                }
                buffer.flip();
                FrameDecoder.Result next;
                while ((next = frameDecoder.next(buffer)) instanceof FrameDecoder.Result.Frame frame) {
                    dispatch(copy(frame.body()));
                }
                if (next instanceof FrameDecoder.Result.Incomplete incomplete && incomplete.frameBytes() > buffer.capacity()) {
                    dispatch(readLargeFrame(buffer, incomplete.frameBytes()));
                    buffer.clear();
                } else {
                    buffer.compact();
                }
            }
        } catch (IOException e) {
            closeWith("reading failed: " + describe(e));
        } catch (ProtocolException e) {
            closeWith("the node's answer does not follow the protocol: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("reader of the connection to {} failed", address, e);
            closeWith("the reader failed: " + e);
        }
    }

    /**
     * Reads the rest of a frame of {@code frameBytes} (length field included, already checked against the
     * limits) whose start is in {@code buffer}; reads no further than the frame's end.
     */
    private ByteBuffer readLargeFrame(ByteBuffer buffer, int frameBytes) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(frameBytes - FrameDecoder.LENGTH_FIELD_BYTES);
        buffer.position(buffer.position() + FrameDecoder.LENGTH_FIELD_BYTES);
        frame.put(buffer);
        while (frame.hasRemaining()) {
            buffer.clear().limit(Math.min(buffer.capacity(), frame.remaining()));
            if (channel.read(buffer) < 0) {
                throw new IOException("the node closed the connection in the middle of an answer");
            }
            frame.put(buffer.flip());
        }
        return frame.flip();
    }

    /** Decodes one answer and completes its call. The frame is a copy: a fetch's records share it. */
    private void dispatch(ByteBuffer frame) {
        int correlationId = ResponseCodec.correlationId(frame);
        PendingCall call = pending.remove(correlationId);
        if (call == null) {
            throw new ProtocolException("an answer carries correlation id " + correlationId
                    + ", which no outstanding request has");
        }
        slots.release();
        cancelTimer(call);
        DecodedResponse decoded;
        try {
            decoded = responseCodec.decode(frame, call.api);
        } catch (ProtocolException e) {
            call.future.completeExceptionally(lost(call.api, "its answer does not follow the protocol: " + e.getMessage()));
            throw e;
        }
        switch (decoded) {
            case DecodedResponse.Success success -> call.future.complete(success.response());
            case DecodedResponse.Failure failure -> call.future.completeExceptionally(BrokerErrors.exception(
                    failure.errorCode(), failure.message(), call.api + " request to " + address));
        }
    }

    private void expire(PendingCall call) {
        if (pending.remove(call.correlationId, call)) {
            slots.release();
            call.future.completeExceptionally(new TimedOutException(call.api + " request to " + address
                    + " got no answer within " + call.timeout + " (tributary.client.call-timeout); the connection is"
                    + " closed since the answers behind it would wait too"));
            closeWith(call.api + " request timed out after " + call.timeout);
        }
    }

    private void closeWith(String reason) {
        if (!closedBecause.compareAndSet(null, reason)) {
            return;
        }
        closeQuietly(channel);
        for (PendingCall call : pending.values()) {
            if (pending.remove(call.correlationId, call)) {
                slots.release();
                fail(call, lost(call.api, reason));
            }
        }
        LOG.debug("connection to {} closed: {}", address, reason);
    }

    private void fail(PendingCall call, TributaryException error) {
        if (pending.remove(call.correlationId, call)) {
            slots.release();
        }
        cancelTimer(call);
        call.future.completeExceptionally(error);
    }

    private ConnectionLostException lost(ApiKey api, String reason) {
        return new ConnectionLostException(api + " request to " + address + " failed: the connection is closed ("
                + reason + "); whether the node processed it is unknown");
    }

    private static void cancelTimer(PendingCall call) {
        ScheduledFuture<?> scheduled = call.timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private static ByteBuffer copy(ByteBuffer body) {
        return ByteBuffer.allocate(body.remaining()).put(body).flip();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(@Nullable SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a socket failed", e);
            }
        }
    }
}
