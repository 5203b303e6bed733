package io.tributary;

import io.tributary.api.TopicPartition;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupSummary;
import io.tributary.group.OffsetReset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The consumer groups of a bus's transport, for tools: get it from {@link Bus#groups()}. On {@code mem:}
 * the groups of this bus; on {@code file:} those of the directory; on {@code tributary://} those of the
 * server. The {@code ./tributary group} commands are built on it. Thread-safe; blocks on the transport.
 */
public interface ConsumerGroups {

    /** Every group with members or committed offsets, by name. */
    List<GroupSummary> list();

    /**
     * Members, assignment, and committed offset and lag per partition.
     *
     * @throws io.tributary.group.UnknownGroupException if there is no such group
     */
    GroupDescription describe(String group);

    /**
     * Moves the group's committed offsets of {@code topic} (every topic it committed, when {@code null}) to
     * {@code to}; the group must have no members.
     *
     * @return the new committed offsets
     * @throws io.tributary.group.GroupNotEmptyException if the group has members
     */
    Map<TopicPartition, Long> reset(String group, @Nullable String topic, OffsetReset to);
}
