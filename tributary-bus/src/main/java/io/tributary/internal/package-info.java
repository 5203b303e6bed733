/**
 * How a {@link io.tributary.Bus} works inside: {@link io.tributary.internal.TransportBus} runs plain
 * subscriptions as a {@code SubscriptionRun} and group subscriptions as a {@code GroupMember} (heartbeats,
 * handover, {@code OffsetCommitter}), both as one {@code PartitionFeed} per partition over a
 * {@link io.tributary.internal.Transport} (one per URL scheme: {@code mem}, {@code file}, {@code remote}
 * subpackages). A feed hands batches to a bounded {@code WorkerPool} as {@code BatchDelivery}s, which call the
 * handler with retries ({@code EventProcessing}) and write dead letters ({@code DeadLetterWriter}). Not an API:
 * nothing outside this module uses it.
 */
@NullMarked
package io.tributary.internal;

import org.jspecify.annotations.NullMarked;
