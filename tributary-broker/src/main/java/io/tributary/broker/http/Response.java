package io.tributary.broker.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link RouteHandler} answers: a status, a body already encoded, its content type and any
 * extra headers. Immutable.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type; ignored when the body is empty
 * @param body        the encoded body; empty for none (204)
 * @param headers     extra response headers, e.g. {@code Location}
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";

    /** The JSON of an error. */
    record ErrorBody(String error, String message) {
    }

    Response {
        headers = Map.copyOf(headers);
    }

    /** {@code value} as JSON with status {@code status}. */
    static Response json(int status, Object value) {
        return new Response(status, JSON, Json.write(value), Map.of());
    }

    /** {@code value} as JSON with status 200. */
    static Response ok(Object value) {
        return json(200, value);
    }

    /** 204 with no body. */
    static Response noContent() {
        return new Response(204, JSON, new byte[0], Map.of());
    }

    /** UTF-8 text with the given media type. */
    static Response text(String contentType, String text) {
        return new Response(200, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The error body clients see: {@code {"error":"UNKNOWN_TOPIC","message":"..."}}. */
    static Response error(ApiException error) {
        return new Response(error.status(), JSON, Json.write(new ErrorBody(error.code().name(), error.getMessage())),
                error.headers());
    }

    /** This response with one more header. */
    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
