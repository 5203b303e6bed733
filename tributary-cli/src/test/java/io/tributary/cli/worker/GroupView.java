package io.tributary.cli.worker;

import io.tributary.ConsumerGroups;
import io.tributary.api.TopicPartition;
import io.tributary.group.GroupDescription;
import io.tributary.group.MemberDescription;
import io.tributary.group.PartitionProgress;
import io.tributary.group.UnknownGroupException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the worker process tests ask of a group, through {@link ConsumerGroups#describe}. */
final class GroupView {

    private final ConsumerGroups groups;
    private final String group;

    GroupView(ConsumerGroups groups, String group) {
        this.groups = groups;
        this.group = group;
    }

    /** The group now; a group that does not exist yet has no members and no partitions. */
    GroupDescription describe() {
        try {
            return groups.describe(group);
        } catch (UnknownGroupException notYet) {
            return new GroupDescription(group, io.tributary.group.GroupState.EMPTY, 0, List.of(), List.of());
        }
    }

    /** Whether the group has exactly {@code members} members, each owning {@code partitions / members} partitions. */
    boolean isBalanced(int members, int partitions) {
        GroupDescription now = describe();
        return now.members().size() == members
                && now.members().stream().allMatch(member -> member.owned().size() == partitions / members);
    }

    /** The member that process {@code pid} runs (its client id names the pid), if the group has it. */
    Optional<MemberDescription> memberOf(long pid) {
        return describe().members().stream().filter(member -> runsIn(member, pid)).findFirst();
    }

    /** Whether the group's only member runs in {@code pid} and owns {@code partitions} partitions. */
    boolean onlyMemberIs(long pid, int partitions) {
        List<MemberDescription> members = describe().members();
        return members.size() == 1 && runsIn(members.getFirst(), pid) && members.getFirst().owned().size() == partitions;
    }

    /** The committed offset of each partition that has one. */
    Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (PartitionProgress progress : describe().partitions()) {
            progress.committed().ifPresent(offset -> committed.put(progress.partition(), offset));
        }
        return committed;
    }

    Set<TopicPartition> ownedBy(long pid) {
        return memberOf(pid).map(MemberDescription::owned).orElse(Set.of());
    }

    private static boolean runsIn(MemberDescription member, long pid) {
        return member.clientId().matches(".*\\b" + pid + "\\b.*");
    }
}
