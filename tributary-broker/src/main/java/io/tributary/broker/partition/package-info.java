/**
 * The partition seam: {@link io.tributary.broker.partition.Partition} is what the rest of the broker
 * appends to and reads from; {@link io.tributary.broker.partition.PartitionFactory#local()} backs it
 * with a local {@link io.tributary.log.PartitionLog}. A replicated implementation slots in behind
 * the same interface.
 */
@NullMarked
package io.tributary.broker.partition;

import org.jspecify.annotations.NullMarked;
