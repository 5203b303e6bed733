package io.tributary.group;

import java.util.List;
import java.util.Objects;

/**
 * A group in detail: its members and, for every partition it subscribes to or has committed offsets for,
 * its progress.
 *
 * @param group      the name
 * @param state      where it stands
 * @param generation its generation, as in {@link GroupSummary#generation()}
 * @param members    its members, by member id
 * @param partitions its progress per partition, by topic and partition
 */
public record GroupDescription(String group, GroupState state, int generation, List<MemberDescription> members,
        List<PartitionProgress> partitions) {

    public GroupDescription {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(state, "state");
        members = List.copyOf(members);
        partitions = List.copyOf(partitions);
    }

    /** The group's total lag: the sum over its partitions. */
    public long lag() {
        return partitions.stream().mapToLong(PartitionProgress::lag).sum();
    }
}
