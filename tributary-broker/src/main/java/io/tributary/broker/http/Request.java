package io.tributary.broker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as a {@link RouteHandler} sees it: the route's path parameters, the query, the content
 * type and the body, read on first use within the request limits. Used by the one virtual thread that
 * handles the request; {@link #close()} gives back the request memory the body held.
 */
final class Request implements AutoCloseable {

    private final HttpExchange exchange;
    private final Map<String, String> pathParameters;
    private final BodyReader bodies;
    private @Nullable Map<String, String> query;
    private BodyReader.@Nullable Body body;

    Request(HttpExchange exchange, Map<String, String> pathParameters, BodyReader bodies) {
        this.exchange = exchange;
        this.pathParameters = Map.copyOf(pathParameters);
        this.bodies = bodies;
    }

    /** A parameter of the route's template, e.g. {@code topic} of {@code /topics/{topic}}. */
    String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter {" + name + "}");
        }
        return value;
    }

    /** A path parameter that must be a non-negative int, e.g. a partition number. */
    int intPathParameter(String name) {
        String value = pathParameter(name);
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a whole number from 0, was '" + value + "'");
    }

    /**
     * A whole-number query parameter between {@code min} and {@code max}; {@code defaultValue} when absent.
     *
     * @throws ApiException 400 naming the parameter and its range
     */
    long queryLong(String name, long defaultValue, long min, long max) {
        String value = query().get(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("query parameter " + name + " must be a whole number from " + min + " to " + max
                + ", was '" + value + "'");
    }

    /** A text query parameter, percent-decoded; {@code null} when absent or empty. */
    @Nullable String queryText(String name) {
        String value = query().get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A query parameter that must be present. */
    long requiredQueryLong(String name, long min, long max) {
        String value = query().get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("query parameter " + name + " is required");
        }
        return queryLong(name, min, min, max);
    }

    /** The media type of the body, lower case and without parameters ({@code charset}); empty if none was sent. */
    String mediaType() {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The body as JSON; reads it on first use. Blocks while the client sends it. */
    JsonNode json() throws IOException, InterruptedException {
        return Json.parse(body());
    }

    /** The body as a JSON object (the shape of every JSON request but a CloudEvents batch). */
    JsonObject jsonObject() throws IOException, InterruptedException {
        return JsonObject.of(json(), "");
    }

    /** The raw body; reads it on first use, within {@code tributary.broker.max-request-bytes}. */
    byte[] body() throws IOException, InterruptedException {
        if (body == null) {
            body = bodies.read(exchange);
        }
        return body.bytes();
    }

    @Override
    public void close() {
        if (body != null) {
            body.lease().close();
        }
    }

    /** The query parameters, parsed on first use (so that a bad one is a 400 from the handler, not a failure here). */
    private Map<String, String> query() {
        if (query == null) {
            query = parseQuery(exchange.getRequestURI().getRawQuery());
        }
        return query;
    }

    private static Map<String, String> parseQuery(@Nullable String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value); // the first of repeated parameters counts
        }
        return parameters;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + text + "' is not valid percent-encoding");
        }
    }
}
