package io.tributary.protocol.wire;

import io.tributary.api.TributaryException;

/**
 * Bytes that do not follow the wire protocol: a length that is negative, larger than a limit or larger
 * than the bytes that remain, a string that is not UTF-8, a field with an impossible value, a frame
 * that ends early or carries bytes nobody read. The message names the field, the value and the limit.
 *
 * <p>What the receiver does depends on where it happens: a bad frame length
 * ({@link FrameDecoder}) or an unreadable request header means the stream cannot be trusted and the
 * connection is closed; a bad request body after a good header is answered with an error response and
 * the connection stays open (docs/protocol.md, "Errors").
 */
public class ProtocolException extends TributaryException {

    public ProtocolException(String message) {
        super(message);
    }

    /** The same, keeping the exception that found the problem (e.g. a batch whose header is corrupt). */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
