package io.tributary.broker.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tributary.broker.service.Failure;
import io.tributary.protocol.message.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HttpHandler} of the server: routes each exchange, runs its handler, turns every
 * failure into a JSON error with the right status (never a stack trace), writes the response and
 * records it in {@link RequestMetrics}. Runs on the exchange's virtual thread.
 */
final class ApiDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final Router router;
    private final BodyReader bodies;
    private final RequestMetrics metrics;

    ApiDispatcher(Router router, BodyReader bodies, RequestMetrics metrics) {
        this.router = router;
        this.bodies = bodies;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
        Router.Match match = router.match(method, path);
        Request request = match instanceof Router.Found found ? new Request(exchange, found.parameters(), bodies) : null;
        int status = 500;
        try {
            Response response = respond(method, path, match, request);
            status = response.status();
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("{} {}: the response could not be sent (the client went away?): {}", method, path, e.toString());
        } finally {
            if (request != null) {
                request.close();
            }
            exchange.close();
            metrics.record(method, routeOf(match), status, System.nanoTime() - start);
        }
    }

    private Response respond(String method, String path, Router.Match match, @Nullable Request request) {
        try {
            return switch (match) {
                case Router.Found found -> found.handler().handle(Objects.requireNonNull(request));
                case Router.MethodNotAllowed notAllowed -> {
                    String allowed = String.join(", ", notAllowed.allowed());
                    throw new ApiException(405, ErrorCode.UNSUPPORTED_API, method + " is not allowed on "
                            + notAllowed.template() + "; allowed: " + allowed, Map.of("Allow", allowed));
                }
                case Router.NotFound notFound -> throw new ApiException(404, ErrorCode.UNSUPPORTED_API,
                        "no endpoint at " + method + " " + path + "; docs/http-api.md lists the endpoints");
            };
        } catch (ApiException e) {
            return Response.error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(new ApiException(503, ErrorCode.NOT_LEADER, "the broker is shutting down; retry on another node or later"));
        } catch (Exception e) {
            Failure failure = Failure.of(e);
            if (failure.code() == ErrorCode.UNKNOWN_SERVER_ERROR) {
                LOG.error("{} {} failed unexpectedly", method, path, e);
                return Response.error(new ApiException(500, failure.code(), "the broker failed unexpectedly ("
                        + failure.message() + "); its log has the details"));
            }
            return Response.error(ApiException.from(failure));
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        headers.set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(response.body());
        }
    }

    private static String routeOf(Router.Match match) {
        return switch (match) {
            case Router.Found found -> found.template();
            case Router.MethodNotAllowed notAllowed -> notAllowed.template();
            case Router.NotFound notFound -> RequestMetrics.UNMATCHED;
        };
    }
}
