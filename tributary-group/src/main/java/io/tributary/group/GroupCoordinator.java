package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Coordinates consumer groups: who is a member, which member holds which partition, and where each group
 * resumes. The broker runs one for its topics ({@code file:} buses use it in process), the client speaks to
 * it over the network ({@code TributaryClient.groups()}), and the {@code mem:} bus runs one of its own; the
 * contract is the same (decision 0012).
 *
 * <p><b>Members</b> join with their first {@link Heartbeat} and then heartbeat every
 * {@link Assignment#heartbeatInterval()}, from a thread of their own, so that a slow handler never costs a
 * member its partitions while its process lives. A member that misses heartbeats for
 * {@code tributary.group.session-timeout} is removed.
 *
 * <p><b>Assignment.</b> The coordinator computes a balanced assignment of every partition of the topics its
 * members subscribe to, and, when members come and go, moves as few partitions as possible: a member keeps
 * the partitions it has up to its fair share. A partition moves only once its previous owner gave it up
 * (see {@link Assignment}); members that keep their partitions are never stopped. Each change of the
 * target assignment increases the group's <em>generation</em>.
 *
 * <p><b>Committed offsets</b> survive restarts (the broker keeps them as records of an internal topic). A
 * commit is accepted only from a member that holds the partition, in the generation it got it or later:
 * a member that was removed, or whose partition moved on, is fenced.
 *
 * <p><b>Threads.</b> Thread-safe. Every method may block on the network or on the disk (a commit returns
 * once its offsets are durable) and fails with a {@link io.tributary.api.TributaryException}; those a
 * member must act on are the subclasses of {@link GroupException}.
 */
public interface GroupCoordinator {

    /**
     * Joins ({@link Heartbeat#isJoin()}) or heartbeats, and answers which partitions the member may hold.
     * Sending the same join again (its answer was lost) is harmless.
     *
     * @throws UnknownMemberException if the member is not in the group and does not join: it must drop
     *                                every partition without committing and join again
     * @throws GroupLimitException    if a join would exceed {@code max-groups} or {@code max-members}
     */
    Assignment heartbeat(Heartbeat heartbeat);

    /**
     * Leaves the group: the member's partitions go to the other members at once, without waiting for its
     * session to time out. Nothing happens for a member the group does not know.
     */
    void leave(String group, String memberId);

    /**
     * Commits offsets; returns once they are durable.
     *
     * @throws UnknownMemberException if the group does not know the member
     * @throws FencedMemberException  if the member does not hold one of the partitions, or held it only in an
     *                                earlier generation than the one it names; nothing of the commit is kept
     * @throws GroupException         if the offsets could not be made durable: they are not committed
     */
    void commit(Commit commit);

    /**
     * Like {@link #commit}, but returns before the offsets are durable: the commit is accepted or refused in the
     * order of the calls (a commit followed by a heartbeat that gives the partition up is judged before that
     * heartbeat), and the future completes once the offsets are durable, or fails with what {@link #commit}
     * throws. The default runs {@link #commit} on the calling thread; the coordinator that runs in a process
     * does not block.
     */
    default CompletableFuture<Void> commitAsync(Commit commit) {
        try {
            commit(commit);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The group's committed offsets of {@code partitions} (of all its partitions when empty); a partition
     * the group never committed is absent. An unknown group has none.
     */
    Map<TopicPartition, Long> committedOffsets(String group, Collection<TopicPartition> partitions);

    /** Every group with members or committed offsets, by name. */
    List<GroupSummary> listGroups();

    /**
     * The group's members, assignment and progress per partition.
     *
     * @throws UnknownGroupException if no group of that name has members or committed offsets
     */
    GroupDescription describe(String group);

    /**
     * Moves the group's committed offsets in every partition of {@code topic} (or, when {@code null}, of every
     * topic it has committed offsets for) to {@code to}; durable when it returns.
     *
     * @return the new committed offset of each partition
     * @throws GroupNotEmptyException        if the group has members
     * @throws UnknownGroupException         if {@code topic} is null and the group has no committed offsets
     * @throws io.tributary.api.TopicNotFoundException if {@code topic} does not exist (or, when {@code null}, none
     *                                       of the group's topics exists any more)
     * @throws GroupLimitException           if the group is new and the coordinator has {@code max-groups} groups
     * @throws GroupException                if the offsets could not be made durable: they are not reset
     */
    Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to);
}
