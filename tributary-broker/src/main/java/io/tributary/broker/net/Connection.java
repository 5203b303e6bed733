package io.tributary.broker.net;

import io.micrometer.core.instrument.Counter;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.service.Failure;
import io.tributary.protocol.DecodedRequest;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.RequestHeader;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.FrameSegment;
import io.tributary.protocol.wire.ProtocolException;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. The reader thread reads a frame, starts handling it and queues the pending
 * answer; the writer thread takes answers in queue order, waits for each and writes it. So requests are
 * pipelined and answered in order, a slow commit never blocks reading, and the queue's capacity bounds
 * the requests in flight per connection. Frame bytes are claimed from a broker-wide {@link Semaphore}
 * before they are allocated and released once the request is answered.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** Requests read but not yet answered, per connection; the reader waits beyond it. */
    static final int MAX_IN_FLIGHT = 64;
    /** Piece in which the bytes of a refused, too large request are read and dropped. */
    private static final int DISCARD_CHUNK_BYTES = 64 << 10;

    /** An answer to write, in request order. */
    private record Pending(int correlationId, CompletableFuture<? extends Response> response, int frameBytes) {
    }

    private static final Pending END = new Pending(-1, CompletableFuture.completedFuture(null), 0);

    private final SocketChannel channel;
    private final SocketAddress peer;
    private final ProtocolLimits limits;
    private final RequestCodec requests;
    private final ResponseCodec responses;
    private final RequestHandler handler;
    private final Semaphore requestMemory;
    private final long maxRequestBytes;
    private final Counter malformedFrames;
    private final BlockingQueue<Pending> answers = new ArrayBlockingQueue<>(MAX_IN_FLIGHT);

    /**
     * @param limits          the frame limit: a longer frame closes the connection
     * @param maxRequestBytes a longer frame (within {@code limits}) is answered REQUEST_TOO_LARGE and skipped
     */
    Connection(SocketChannel channel, ProtocolLimits limits, long maxRequestBytes, RequestHandler handler,
            Semaphore requestMemory, Counter malformedFrames) throws IOException {
        this.channel = channel;
        this.peer = channel.getRemoteAddress();
        this.limits = limits;
        this.requests = new RequestCodec(limits);
        this.responses = new ResponseCodec(limits);
        this.handler = handler;
        this.requestMemory = requestMemory;
        this.maxRequestBytes = maxRequestBytes;
        this.malformedFrames = malformedFrames;
    }

    /** Reads requests until the peer closes, a frame is malformed or the server stops reading. */
    void readRequests() {
        try {
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            while (readFrameLength(length)) {
                int frameBytes = limits.checkFrameLength(length.getInt(0));
                if (frameBytes > maxRequestBytes) {
                    answers.put(refuseTooLarge(frameBytes));
                    continue;
                }
                requestMemory.acquire(frameBytes);
                Pending pending;
                try {
                    pending = handle(readFully(ByteBuffer.allocate(frameBytes)).flip(), frameBytes);
                } catch (IOException | RuntimeException e) {
                    requestMemory.release(frameBytes);
                    throw e;
                }
                answers.put(pending);
            }
        } catch (ProtocolException e) {
            malformedFrames.increment();
            LOG.warn("closing the connection from {}: malformed frame ({})", peer, e.getMessage());
            closeChannel();
        } catch (IOException e) {
            LOG.debug("connection from {} ended: {}", peer, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            putEnd();
        }
    }

    /** Writes answers in request order until the reader is done and every answer is written. */
    void writeResponses() {
        boolean writable = true;
        while (true) {
            Pending pending;
            try {
                pending = answers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (pending == END) {
                break;
            }
            try {
                if (writable) {
                    write(pending);
                }
            } catch (IOException e) {
                LOG.debug("cannot answer {}: {}", peer, e.toString());
                writable = false; // keep draining so the reader never waits on a full queue
                closeChannel();
            } finally {
                requestMemory.release(pending.frameBytes());
            }
        }
        closeChannel();
    }

    /** Stops reading new requests; the answers to those already read are still written. */
    void stopReading() {
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            closeChannel();
        }
    }

    /** Closes the socket now: pending answers are lost. */
    void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the connection from {}: {}", peer, e.toString());
        }
    }

    private Pending handle(ByteBuffer frame, int frameBytes) {
        DecodedRequest decoded = requests.decode(frame);
        int correlationId = decoded.header().correlationId();
        CompletableFuture<? extends Response> response = switch (decoded) {
            case DecodedRequest.Accepted accepted -> {
                try {
                    yield handler.handle(accepted.request());
                } catch (RuntimeException e) {
                    yield CompletableFuture.failedFuture(e);
                }
            }
            case DecodedRequest.Rejected rejected -> CompletableFuture.failedFuture(
                    new RejectedRequest(rejected.errorCode(), rejected.message()));
        };
        return new Pending(correlationId, response, frameBytes);
    }

    /**
     * Answers a frame above {@code tributary.broker.max-request-bytes} (but within the frame limit) with
     * REQUEST_TOO_LARGE and keeps the connection: only the request header is buffered, for its
     * correlation id; the rest is read and dropped in small pieces, so the stream stays in step without
     * the frame ever taking memory.
     *
     * @throws ProtocolException if the header cannot be read (then the connection closes)
     */
    private Pending refuseTooLarge(int frameBytes) throws IOException {
        int headerBytes = Math.min(frameBytes, RequestHeader.MIN_SIZE + limits.maxStringBytes());
        RequestHeader header = RequestHeader.decode(new WireReader(readFully(ByteBuffer.allocate(headerBytes)).flip(),
                limits));
        ByteBuffer scratch = ByteBuffer.allocate(DISCARD_CHUNK_BYTES);
        for (long left = (long) frameBytes - headerBytes; left > 0; left -= scratch.limit()) {
            readFully(scratch.clear().limit((int) Math.min(scratch.capacity(), left)));
        }
        String api = header.knownApi().map(Enum::name).orElse("api key " + header.apiKey());
        String message = api + " request of " + frameBytes + " bytes exceeds " + BrokerConfig.MAX_REQUEST_BYTES.name()
                + " = " + maxRequestBytes + " bytes; send fewer or smaller batches per request, or raise the limit";
        return new Pending(header.correlationId(), CompletableFuture.failedFuture(
                new RejectedRequest(ErrorCode.REQUEST_TOO_LARGE, message)), 0);
    }

    private void write(Pending pending) throws IOException {
        Response response;
        try {
            response = pending.response().join();
        } catch (RuntimeException e) {
            Failure failure = e.getCause() instanceof RejectedRequest rejected
                    ? new Failure(rejected.code, rejected.getMessage()) : Failure.of(e);
            if (failure.code() == ErrorCode.UNKNOWN_SERVER_ERROR) {
                LOG.error("request {} from {} failed", pending.correlationId(), peer, e);
            }
            writeFully(responses.encodeError(pending.correlationId(), failure.code(), failure.message()));
            return;
        }
        List<FrameSegment> segments;
        try {
            segments = responses.encodeSegments(pending.correlationId(), response);
        } catch (RuntimeException e) {
            LOG.error("cannot encode the answer to request {} from {}", pending.correlationId(), peer, e);
            writeFully(responses.encodeError(pending.correlationId(), ErrorCode.UNKNOWN_SERVER_ERROR,
                    "the broker could not encode its answer: " + e.getMessage()));
            return;
        }
        for (FrameSegment segment : segments) {
            switch (segment) {
                case FrameSegment.Bytes bytes -> writeFully(bytes.buffer());
                case FrameSegment.Records records -> sendRecords((LogSliceRecords) records.source());
            }
        }
    }

    private void sendRecords(LogSliceRecords records) throws IOException {
        long sent = records.slice().transferTo(channel);
        if (sent != records.sizeInBytes()) {
            // The frame's length is already on the wire: the stream cannot continue.
            throw new IOException("sent " + sent + " of " + records.sizeInBytes() + " fetched bytes");
        }
    }

    private boolean readFrameLength(ByteBuffer length) throws IOException {
        length.clear();
        if (channel.read(length) < 0) {
            return false;
        }
        readFully(length);
        return true;
    }

    private ByteBuffer readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the peer closed the connection in the middle of a frame");
            }
        }
        return buffer;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void putEnd() {
        try {
            answers.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request that decoding refused, answered with its error code. */
    private static final class RejectedRequest extends RuntimeException {
        private final ErrorCode code;

        RejectedRequest(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
