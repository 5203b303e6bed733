package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member of a {@link Group}, as its coordinator knows it: what it subscribes to, when it was last heard of,
 * what it holds and since which generation. Not thread-safe: guarded by the coordinator's lock.
 */
final class Member {

    private final String id;
    private String clientId;
    private List<String> topics;
    private Set<String> topicSet;
    private Instant lastHeartbeat;
    /** Partitions it holds, each with the generation in which it was handed to this member. */
    private final Map<TopicPartition, Integer> owned = new HashMap<>();
    /** Partitions it holds but was asked to give up, with when it was first asked (for the rebalance timeout). */
    private final Map<TopicPartition, Instant> askedToGiveUp = new HashMap<>();

    Member(String id, String clientId, List<String> topics, Instant joined) {
        this.id = id;
        this.clientId = clientId;
        this.lastHeartbeat = joined;
        subscribe(topics);
    }

    String id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    /** The topics as the member named them, each once. */
    List<String> topics() {
        return topics;
    }

    Set<String> topicSet() {
        return topicSet;
    }

    Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    void heard(Instant now, String newClientId) {
        lastHeartbeat = now;
        clientId = newClientId;
    }

    /** Sets the member's topics; returns whether the set of topics changed. */
    boolean subscribe(List<String> named) {
        Set<String> next = new LinkedHashSet<>(named);
        if (next.equals(topicSet)) {
            return false;
        }
        topicSet = Set.copyOf(next);
        topics = List.copyOf(next);
        return true;
    }

    /** Its partitions, each with the generation it got it in; read-only view. */
    Map<TopicPartition, Integer> owned() {
        return Collections.unmodifiableMap(owned);
    }

    void take(TopicPartition partition, int generation) {
        owned.put(partition, generation);
    }

    void release(TopicPartition partition) {
        owned.remove(partition);
        askedToGiveUp.remove(partition);
    }

    /**
     * Records that the member is asked to give {@code partition} up, unless it was asked before.
     *
     * @return when it was first asked
     */
    Instant askToGiveUp(TopicPartition partition, Instant now) {
        return askedToGiveUp.computeIfAbsent(partition, asked -> now);
    }

    /** The partition is the member's to keep again: no longer asked to give it up. */
    void keep(TopicPartition partition) {
        askedToGiveUp.remove(partition);
    }

    Map<TopicPartition, Instant> askedToGiveUp() {
        return Collections.unmodifiableMap(askedToGiveUp);
    }
}
