/**
 * Consumer groups in the broker: {@link io.tributary.broker.group.ConsumerGroups} opens the coordinator
 * (decision 0012) over the broker's topics ({@code RegistryTopicCatalog}) with committed offsets in the
 * internal topic {@code __consumer_offsets} ({@code LogOffsetStore}: one batch per commit, snapshots that
 * keep the topic bounded; {@code OffsetRecords}: the record format). The transports serve the coordinator
 * that {@code BrokerService.groups()} returns.
 */
@NullMarked
package io.tributary.broker.group;

import org.jspecify.annotations.NullMarked;
