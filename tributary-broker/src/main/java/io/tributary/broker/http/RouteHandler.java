package io.tributary.broker.http;

/**
 * Answers the requests of one route. Called on the request's own virtual thread, so it may block
 * (reading the body, waiting for a commit or a long poll). Failures the client should see are thrown
 * as {@link ApiException}; any other exception is answered 500 and logged.
 */
@FunctionalInterface
interface RouteHandler {

    Response handle(Request request) throws Exception;
}
