/**
 * The broker. Start at {@link io.tributary.broker.Broker}: it opens the data directory through
 * {@link io.tributary.broker.EmbeddedBroker} (lock, cluster id,
 * {@link io.tributary.broker.topic.TopicRegistry topics}, the consumer-group coordinator of
 * {@code group} with offsets in {@code __consumer_offsets}; usable alone, in process and without network,
 * as the {@code file:} bus does) and serves the binary protocol ({@code net}) and the HTTP API
 * ({@code http}), both on the {@link io.tributary.broker.service.BrokerService}.
 * A partition is reached only through the {@link io.tributary.broker.partition.Partition} seam, so
 * replication can later back it with a Raft group without the rest of the broker noticing.
 */
@NullMarked
package io.tributary.broker;

import org.jspecify.annotations.NullMarked;
