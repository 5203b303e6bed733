/**
 * The broker's HTTP/JSON API for curl, other languages and the console (docs/http-api.md). Start at
 * {@link io.tributary.broker.http.HttpApi}, the one public class: its {@code routes} table lists every
 * endpoint and its handler ({@code PublishHandler}, {@code EventsHandler}, {@code ReadHandler},
 * {@code EventsReadHandler}, {@code TopicsHandler}; both reads share {@code LongPollRead}). {@code ApiDispatcher} routes each exchange on its own virtual thread, turns
 * failures into JSON errors ({@code ApiException}, statuses from the protocol's error codes) and times
 * requests; {@code BodyReader} and {@code RequestMemory} keep request bodies within the broker's limits.
 * The work itself is {@link io.tributary.broker.service.BrokerService}'s, shared with the binary protocol.
 */
@NullMarked
package io.tributary.broker.http;

import org.jspecify.annotations.NullMarked;
