/**
 * How a {@link io.tributary.Bus} works inside: {@link io.tributary.internal.TransportBus} runs
 * subscriptions as one {@code PartitionFeed} per partition over a {@link io.tributary.internal.Transport}
 * (one per URL scheme: {@code mem}, {@code file}, {@code remote} subpackages) and hands batches to a bounded
 * {@code WorkerPool}. Not an API: nothing outside this module uses it.
 */
@NullMarked
package io.tributary.internal;

import org.jspecify.annotations.NullMarked;
