/**
 * The binary protocol server (docs/protocol.md): {@link io.tributary.broker.net.TcpServer} accepts
 * connections; each connection reads frames on one virtual thread and writes responses, in request order,
 * on another; {@link io.tributary.broker.net.RequestHandler} turns requests into calls on the broker
 * service ({@code GroupRequests} the consumer-group apis, on the service's coordinator). Fetched batches go from the segment file to the socket with {@code transferTo} (zero copy).
 */
@NullMarked
package io.tributary.broker.net;

import org.jspecify.annotations.NullMarked;
