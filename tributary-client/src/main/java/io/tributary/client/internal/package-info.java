/**
 * How the client works; not an API. {@link io.tributary.client.internal.NodeConnection} is one TCP
 * connection with pipelined requests and a reader thread; {@link io.tributary.client.internal.ConnectionPool}
 * keeps them by node; {@link io.tributary.client.internal.ClusterRouter} holds the metadata
 * ({@link io.tributary.client.internal.ClusterView}), checks the cluster id and fails over between nodes.
 * {@link io.tributary.client.internal.NetworkClient} implements the client on them: {@code DirectSend}
 * for the low-level send, {@code PartitionReader} for reads and offsets, {@code RemoteGroupCoordinator}
 * for consumer groups ({@code GroupAnswers} turns its answers into the group records).
 *
 * <p>The producer: {@link io.tributary.client.internal.BatchingProducer} takes records,
 * {@code RecordAccumulator} batches them per partition ({@code PartitionQueue} keeps order, sequence
 * numbers and recovery), {@code ProduceSender} is the one thread that sends batches and completes
 * futures, {@code BufferBudget} bounds the bytes held.
 */
@NullMarked
package io.tributary.client.internal;

import org.jspecify.annotations.NullMarked;
