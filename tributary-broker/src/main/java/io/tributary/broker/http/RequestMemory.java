package io.tributary.broker.http;

import io.tributary.api.config.ByteSize;
import io.tributary.broker.BrokerConfig;
import io.tributary.protocol.message.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the bytes of request bodies the HTTP API holds at once ({@code tributary.broker.request-memory}).
 * A request takes a {@link Lease} before it reads its body and returns it when its response is sent;
 * while the budget is spent, new bodies wait (up to {@code maxWait}, then 503). Thread-safe.
 *
 * <p>A lease counts the body bytes only; the parsed tree and the batches built from it are a small
 * multiple of that, so the budget bounds memory to within that factor.
 */
final class RequestMemory {

    private final Semaphore bytes;
    private final ByteSize capacity;
    private final Duration maxWait;

    /** @param bytes the broker's budget, shared with the binary protocol; {@code capacity} is its size */
    RequestMemory(Semaphore bytes, ByteSize capacity, Duration maxWait) {
        this.capacity = capacity;
        this.bytes = bytes;
        this.maxWait = maxWait;
    }

    /**
     * Takes {@code size} bytes of the budget, waiting while others hold it.
     *
     * @param size at most {@code tributary.broker.max-request-bytes}, which the config keeps within the budget
     * @throws ApiException 503 when the budget stays spent for {@code maxWait}
     */
    Lease acquire(int size) throws InterruptedException {
        if (!bytes.tryAcquire(size, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ApiException(503, ErrorCode.TIMED_OUT, "the broker holds " + capacity + " of request bodies ("
                    + BrokerConfig.REQUEST_MEMORY.name() + ") and none was freed within " + maxWait.toSeconds()
                    + " s; retry later", Map.of("Retry-After", "1"));
        }
        return new Lease(size);
    }

    /** Bytes held by one request; {@link #close()} gives them back (once). Used by one thread. */
    final class Lease implements AutoCloseable {

        private int held;

        private Lease(int held) {
            this.held = held;
        }

        /** Gives back what the request turned out not to need (a chunked body shorter than the limit). */
        void shrinkTo(int size) {
            if (size < held) {
                bytes.release(held - size);
                held = size;
            }
        }

        @Override
        public void close() {
            bytes.release(held);
            held = 0;
        }
    }
}
