/**
 * The broker: owns topics and their partitions on the log engine. Start at {@link
 * io.tributary.broker.topic.TopicRegistry}; a partition is reached only through the {@link
 * io.tributary.broker.partition.Partition} seam, so replication can later back it with a Raft group
 * without the rest of the broker noticing. The network servers, consumer groups and push delivery
 * arrive in their own packages.
 */
@NullMarked
package io.tributary.broker;

import org.jspecify.annotations.NullMarked;
