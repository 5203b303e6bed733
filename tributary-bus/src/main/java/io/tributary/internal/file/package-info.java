/**
 * {@code file:<dir>}: the bus on an embedded broker in this process, the log engine over a data directory
 * with no network listener. Start at {@link io.tributary.internal.file.EmbeddedTransport}: it opens the
 * directory ({@link io.tributary.broker.EmbeddedBroker}), creates topics on first use, publishes through
 * one {@code CoalescingAppender} per partition (concurrent publishes become batches; each publish
 * completes once its event is committed, by default after an fsync) and reads with one
 * {@code LogPartitionReader} per subscription and partition (long polls, batches decoded into events).
 */
@NullMarked
package io.tributary.internal.file;

import org.jspecify.annotations.NullMarked;
