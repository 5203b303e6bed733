package io.tributary.internal.mem;

import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.OffsetReset;
import io.tributary.group.UnknownMemberException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mem:} bus's group coordinator: its own {@code LocalGroupCoordinator}, plus, while a group has
 * members, a {@linkplain MemoryPartition#hold hold} on each partition's ring at the group's committed offset.
 * A ring lets an event go once every reader handled it; between one member giving a partition up and the next
 * one opening its reader there is no reader, and without the hold a busy publisher could overwrite the events
 * the next member resumes from. A group without members holds nothing back, like a group whose offsets fell
 * behind retention. Thread-safe.
 */
final class MemoryGroups implements GroupCoordinator {

    private final GroupCoordinator coordinator;
    private final MemoryTransport transport;
    /** Group → partition → its hold. Guarded by this. */
    private final Map<String, Map<TopicPartition, MemoryPartition.Hold>> holds = new HashMap<>();
    /** Group → its members, as their heartbeats and leaves say. Guarded by this. */
    private final Map<String, Set<String>> members = new HashMap<>();

    MemoryGroups(GroupCoordinator coordinator, MemoryTransport transport) {
        this.coordinator = coordinator;
        this.transport = transport;
    }

    /** Serialised with leave and commit, so that a group's holds follow whether it has members. */
    @Override
    public synchronized Assignment heartbeat(Heartbeat heartbeat) {
        try {
            Assignment assignment = coordinator.heartbeat(heartbeat);
            members.computeIfAbsent(heartbeat.group(), group -> new HashSet<>()).add(heartbeat.memberId());
            return assignment;
        } catch (UnknownMemberException gone) {
            left(heartbeat.group(), heartbeat.memberId());
            throw gone;
        }
    }

    @Override
    public synchronized void leave(String group, String memberId) {
        coordinator.leave(group, memberId);
        left(group, memberId);
    }

    /** The offsets are in memory, so the coordinator's commit returns at once; holds are kept only for members. */
    @Override
    public synchronized void commit(Commit commit) {
        coordinator.commit(commit);
        if (hasMembers(commit.group())) {
            Map<TopicPartition, MemoryPartition.Hold> groupHolds = holds.computeIfAbsent(commit.group(), g -> new HashMap<>());
            commit.offsets().forEach((partition, offset) -> {
                MemoryPartition.Hold hold = groupHolds.get(partition);
                if (hold != null) {
                    hold.move(offset);
                } else {
                    MemoryPartition ring = transport.existing(partition);
                    if (ring != null) {
                        groupHolds.put(partition, ring.hold(offset));
                    }
                }
            });
        }
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group, Collection<TopicPartition> partitions) {
        return coordinator.committedOffsets(group, partitions);
    }

    @Override
    public List<GroupSummary> listGroups() {
        return coordinator.listGroups();
    }

    @Override
    public GroupDescription describe(String group) {
        return coordinator.describe(group);
    }

    @Override
    public Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to) {
        return coordinator.resetOffsets(group, topic, to); // only without members: nothing is held then
    }

    /** Whether a member of {@code group} answered a heartbeat and has not left or been forgotten since. */
    private boolean hasMembers(String group) {
        Set<String> known = members.get(group);
        return known != null && !known.isEmpty();
    }

    private void left(String group, String memberId) {
        Set<String> known = members.get(group);
        if (known != null) {
            known.remove(memberId);
            if (known.isEmpty()) {
                members.remove(group);
                releaseHolds(group);
            }
        }
    }

    private void releaseHolds(String group) {
        Map<TopicPartition, MemoryPartition.Hold> groupHolds = holds.remove(group);
        if (groupHolds != null) {
            groupHolds.values().forEach(MemoryPartition.Hold::release);
        }
    }
}
