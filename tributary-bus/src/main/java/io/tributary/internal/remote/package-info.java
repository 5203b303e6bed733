/**
 * {@code tributary://}: a bus whose topics live on a Tributary server or cluster, reached through
 * {@code tributary-client}. Start at {@link io.tributary.internal.remote.RemoteTransport} (topics,
 * publishing through one batching producer per topic, closing); {@code RemotePartitionReader} turns
 * long polls of one partition into the events a subscription feed hands to handlers.
 */
@NullMarked
package io.tributary.internal.remote;

import org.jspecify.annotations.NullMarked;
