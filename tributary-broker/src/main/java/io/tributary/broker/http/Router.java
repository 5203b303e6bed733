package io.tributary.broker.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The API's routes: path templates such as {@code /topics/{topic}/records} with a handler per method.
 * Built once, then read-only and thread-safe. A path that matches no template is {@link NotFound}; a
 * path that matches one without a handler for the method is {@link MethodNotAllowed}, with the methods
 * the template has (for the {@code Allow} header).
 */
final class Router {

    /** A template and its handlers by method. */
    private record Route(String template, List<String> segments, Map<String, RouteHandler> handlers) {
    }

    /** What a request's method and path lead to. */
    sealed interface Match {
    }

    /** A handler, the template it was found by (the metrics' {@code route} tag) and the path parameters. */
    record Found(String template, RouteHandler handler, Map<String, String> parameters) implements Match {
    }

    /** The path has a route, but not for this method. */
    record MethodNotAllowed(String template, Set<String> allowed) implements Match {
    }

    /** No route has this path. */
    record NotFound() implements Match {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds {@code handler} for {@code method} on {@code template}; call before the server starts. */
    Router add(String method, String template, RouteHandler handler) {
        Route route = routes.stream().filter(r -> r.template().equals(template)).findFirst().orElseGet(() -> {
            Route created = new Route(template, split(template), new LinkedHashMap<>());
            routes.add(created);
            return created;
        });
        if (route.handlers().putIfAbsent(method, handler) != null) {
            throw new IllegalArgumentException(method + " " + template + " has a handler already");
        }
        return this;
    }

    /**
     * The route of {@code method} and {@code rawPath} (percent-encoded, as the request line has it).
     * Templates are tried in the order they were added; a parameter matches one non-empty segment.
     */
    Match match(String method, String rawPath) {
        List<String> segments = split(rawPath);
        for (Route route : routes) {
            Map<String, String> parameters = bind(route.segments(), segments);
            if (parameters == null) {
                continue;
            }
            RouteHandler handler = route.handlers().get(method);
            if (handler == null) {
                return new MethodNotAllowed(route.template(), route.handlers().keySet());
            }
            return new Found(route.template(), handler, parameters);
        }
        return new NotFound();
    }

    private static @Nullable Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), decodeSegment(actual));
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }

    /** The segments of a path; one trailing slash is ignored, so {@code /topics/} is {@code /topics}. */
    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    /**
     * Percent-decodes a path segment; unlike a query, '+' is a plus there, not a space. Cannot fail on a
     * path from a request: the server answers 400 itself to a request line that is not a valid URI.
     */
    private static String decodeSegment(String segment) {
        return Request.decode(segment.replace("+", "%2B"));
    }
}
