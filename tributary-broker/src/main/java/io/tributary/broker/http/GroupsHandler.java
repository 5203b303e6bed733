package io.tributary.broker.http;

import io.tributary.api.TopicPartition;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupState;
import io.tributary.group.MemberDescription;
import io.tributary.group.PartitionProgress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The consumer-group endpoints, read only: {@code GET /groups} lists the groups, {@code GET /groups/{group}}
 * describes one (members with the partitions they hold and are assigned, and per partition the committed
 * offset, the end offset and the lag). Changing groups is the binary protocol's (members) and the CLI's
 * ({@code tributary group reset}). An unknown group is 404 {@code UNKNOWN_GROUP}.
 */
final class GroupsHandler {

    private final GroupCoordinator groups;

    GroupsHandler(GroupCoordinator groups) {
        this.groups = groups;
    }

    /** One group in the list. */
    record GroupSummaryView(String group, String state, int members, int generation) {
    }

    /** The list. */
    record GroupList(List<GroupSummaryView> groups) {
    }

    /** A partition named by a member. */
    record PartitionView(String topic, int partition) {
    }

    /** A member: who it is, what it subscribes to, what it holds, what it is assigned, when it was last heard of. */
    record MemberView(String memberId, String clientId, List<String> topics, List<PartitionView> owned,
            List<PartitionView> target, String lastHeartbeat) {
    }

    /** The group's progress in one partition; {@code committedOffset} is null when it never committed. */
    record ProgressView(String topic, int partition, @Nullable String owner, @Nullable Long committedOffset,
            long logStartOffset, long endOffset, long lag) {
    }

    /** A group in detail; {@code lag} is the sum over its partitions. */
    record GroupView(String group, String state, int generation, long lag, List<MemberView> members,
            List<ProgressView> partitions) {
    }

    Response list(Request request) {
        return Response.ok(new GroupList(groups.listGroups().stream()
                .map(group -> new GroupSummaryView(group.group(), state(group.state()), group.members(), group.generation()))
                .toList()));
    }

    Response describe(Request request) {
        GroupDescription group = groups.describe(request.pathParameter("group"));
        List<ProgressView> partitions = group.partitions().stream().map(GroupsHandler::progress).toList();
        return Response.ok(new GroupView(group.group(), state(group.state()), group.generation(),
                group.lag(),
                group.members().stream().map(GroupsHandler::member).toList(), partitions));
    }

    private static MemberView member(MemberDescription member) {
        return new MemberView(member.memberId(), member.clientId(), member.topics(), sorted(member.owned()),
                sorted(member.target()), member.lastHeartbeat().toString());
    }

    private static ProgressView progress(PartitionProgress progress) {
        return new ProgressView(progress.partition().topic().value(), progress.partition().partition(), progress.owner(),
                progress.committed().isPresent() ? progress.committed().getAsLong() : null, progress.logStartOffset(),
                progress.endOffset(), progress.lag());
    }

    private static List<PartitionView> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted()
                .map(partition -> new PartitionView(partition.topic().value(), partition.partition())).toList();
    }

    /** {@code stable}, as the CLI and the docs write states. */
    private static String state(GroupState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
