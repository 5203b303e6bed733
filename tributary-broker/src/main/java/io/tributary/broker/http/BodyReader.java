package io.tributary.broker.http;

import com.sun.net.httpserver.HttpExchange;
import io.tributary.api.config.ByteSize;
import io.tributary.broker.BrokerConfig;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies within {@code tributary.broker.max-request-bytes}: a declared
 * {@code Content-Length} above the limit is refused before a byte is read, and a chunked body is
 * counted as it arrives and refused at the first byte past the limit. Thread-safe.
 */
final class BodyReader {

    private final ByteSize maxBytes;
    private final RequestMemory memory;

    BodyReader(ByteSize maxBytes, RequestMemory memory) {
        this.maxBytes = maxBytes;
        this.memory = memory;
    }

    /** A body and the share of request memory it holds until the response is sent. */
    record Body(byte[] bytes, RequestMemory.Lease lease) {
    }

    /**
     * Reads the whole body of {@code exchange}; blocks while the client sends it.
     *
     * @throws ApiException 413 if it is larger than the limit, 400 for a malformed {@code Content-Length}
     */
    Body read(HttpExchange exchange) throws IOException, InterruptedException {
        long declared = declaredLength(exchange);
        int limit = maxBytes.toIntExact();
        if (declared > limit) {
            throw tooLarge("of " + declared + " bytes");
        }
        RequestMemory.Lease lease = memory.acquire(declared >= 0 ? (int) declared : limit);
        try {
            InputStream in = exchange.getRequestBody();
            // One byte more than allowed tells a chunked body that is too large from one that just fits.
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared : limit + 1);
            if (bytes.length > limit) {
                throw tooLarge("of more than " + limit + " bytes");
            }
            lease.shrinkTo(bytes.length);
            return new Body(bytes, lease);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1; // chunked, or no body
        }
        try {
            long length = Long.parseLong(header.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length '" + header + "' is not a byte count");
        }
    }

    private ApiException tooLarge(String what) {
        return ApiException.tooLarge("a request body " + what + " exceeds " + BrokerConfig.MAX_REQUEST_BYTES.name()
                + " = " + maxBytes + "; send fewer records per request or raise the limit");
    }
}
