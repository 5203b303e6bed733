package io.tributary.broker.http;

import io.tributary.broker.service.Failure;
import io.tributary.protocol.message.ErrorCode;
import java.util.Map;

/**
 * A request that cannot be answered with success: the HTTP status, the protocol's {@link ErrorCode}
 * (the {@code error} field clients switch on) and a message that names the problem and the way out.
 * Handlers throw it; {@link ApiDispatcher} turns it into the JSON error body. Never carries a stack
 * trace to the client.
 */
final class ApiException extends RuntimeException {

    /** What a 503 for a transient overload asks the client to wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final int status;
    private final ErrorCode code;
    private final Map<String, String> headers;

    ApiException(int status, ErrorCode code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, ErrorCode code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** 400 INVALID_REQUEST: the request is malformed; {@code message} says which part and why. */
    static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCode.INVALID_REQUEST, message);
    }

    /** 413 REQUEST_TOO_LARGE; the connection is closed afterwards because the body may be unread. */
    static ApiException tooLarge(String message) {
        return new ApiException(413, ErrorCode.REQUEST_TOO_LARGE, message, Map.of("Connection", "close"));
    }

    /** The answer to a failure of the broker service (thrown, or a failed future's cause). */
    static ApiException from(Failure failure) {
        Map<String, String> headers = failure.code() == ErrorCode.TOO_MANY_WAITING_READS
                ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of();
        return new ApiException(statusOf(failure.code()), failure.code(), failure.message(), headers);
    }

    /**
     * The HTTP status of a protocol error code: missing things are 404, conflicts 409, limits 413 (a
     * coordinator's group limit 429), caller mistakes 400, timeouts 504, a partition that cannot serve now
     * (or has too many long polls waiting) 503, the rest 500.
     */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case NONE -> 200;
            case UNKNOWN_TOPIC, UNKNOWN_PARTITION, UNSUPPORTED_API, UNKNOWN_GROUP, UNKNOWN_MEMBER -> 404;
            case TOPIC_ALREADY_EXISTS, FENCED_MEMBER, GROUP_NOT_EMPTY -> 409;
            case RECORD_TOO_LARGE, REQUEST_TOO_LARGE -> 413;
            case GROUP_LIMIT_REACHED -> 429;
            case INVALID_TOPIC_NAME, INVALID_CONFIG, INVALID_REQUEST, OFFSET_OUT_OF_RANGE, INVALID_GROUP_NAME -> 400;
            case POLICY_VIOLATION -> 403;
            case TIMED_OUT -> 504;
            case NOT_LEADER, TOO_MANY_CONNECTIONS, TOO_MANY_WAITING_READS -> 503;
            default -> 500;
        };
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    /** Response headers the error needs (e.g. {@code Allow} on 405, {@code Connection: close} on 413). */
    Map<String, String> headers() {
        return headers;
    }
}
