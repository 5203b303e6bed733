package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member of a consumer group as a test plays it, one step at a time: it holds what its last answer gave it
 * (giving up at once what the answer left out), reports that in its next heartbeat, and commits with the
 * generation of its last answer. Not thread-safe; one test drives it.
 */
public final class ScriptedMember {

    private final GroupCoordinator coordinator;
    private final String group;
    private final String id;
    private final List<String> topics;
    private Set<TopicPartition> held = Set.of();
    private int generation;

    public ScriptedMember(GroupCoordinator coordinator, String group, String id, List<String> topics) {
        this.coordinator = coordinator;
        this.group = group;
        this.id = id;
        this.topics = List.copyOf(topics);
    }

    public String id() {
        return id;
    }

    /** What it holds now: its last answer. */
    public Set<TopicPartition> held() {
        return held;
    }

    /** The generation of its last answer (0 before it joined). */
    public int generation() {
        return generation;
    }

    /** Joins (or sends its join again): generation 0, holding nothing. */
    public Assignment join() {
        held = Set.of();
        return adopt(coordinator.heartbeat(Heartbeat.join(group, id, clientId(), topics)));
    }

    /** Heartbeats reporting what it holds, then holds what the answer says. */
    public Assignment heartbeat() {
        return adopt(coordinator.heartbeat(new Heartbeat(group, id, generation, clientId(), topics, held)));
    }

    /**
     * Heartbeats reporting what it holds, but keeps holding it even where the answer leaves it out (a member stuck
     * in a handler that never gives its partition up); takes what the answer adds.
     */
    public Assignment heartbeatWithoutGivingUp() {
        Assignment answer = coordinator.heartbeat(new Heartbeat(group, id, generation, clientId(), topics, held));
        Set<TopicPartition> kept = new HashSet<>(held);
        kept.addAll(answer.partitions());
        held = Set.copyOf(kept);
        generation = answer.generation();
        return answer;
    }

    /** Commits {@code offset} for {@code partition} in the generation of its last answer. */
    public void commit(TopicPartition partition, long offset) {
        commit(generation, Map.of(partition, offset));
    }

    public void commit(int inGeneration, Map<TopicPartition, Long> offsets) {
        coordinator.commit(new Commit(group, id, inGeneration, offsets));
    }

    public void leave() {
        coordinator.leave(group, id);
        held = Set.of();
    }

    private Assignment adopt(Assignment answer) {
        held = answer.partitions();
        generation = answer.generation();
        return answer;
    }

    private String clientId() {
        return "contract-test/" + id;
    }

    @Override
    public String toString() {
        return id + " holding " + held + " in generation " + generation;
    }
}
