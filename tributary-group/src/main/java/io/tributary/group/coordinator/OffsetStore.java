package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a coordinator keeps committed offsets: the broker's is the internal topic {@code __consumer_offsets},
 * so offsets are as durable as the data (and replicate with it later); {@link InMemoryOffsetStore} is the
 * {@code mem:} bus's. Thread-safe.
 */
public interface OffsetStore {

    /** The offset {@link #store} is given for a partition whose committed offset is forgotten (its topic was deleted). */
    long FORGOTTEN = -1;

    /** Every group's committed offsets as stored; called once, when the coordinator starts. */
    Map<String, Map<TopicPartition, Long>> load();

    /**
     * Stores offsets of {@code group}; a partition given {@link #FORGOTTEN} has no committed offset any more (a
     * restart must not load one for it). The coordinator calls this with its lock held, in the order it accepts
     * commits; the store keeps that order, so that after a restart the offset stored last wins for each
     * partition. Must not block.
     *
     * @return completes once the offsets are durable (committed, by the store's durability), or fails
     */
    CompletableFuture<Void> store(String group, Map<TopicPartition, Long> offsets);
}
