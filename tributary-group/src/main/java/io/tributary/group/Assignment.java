package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The coordinator's answer to a {@link Heartbeat}: which partitions the member may hold now.
 *
 * <p>The member compares it with what it holds. A partition it holds that is <em>not</em> here must be
 * given up: the member finishes the event in hand, commits (its commit is still accepted), stops reading
 * the partition and leaves it out of its next heartbeat, which it sends at once. A partition here that it
 * does not hold yet is its to take: it resumes at the group's committed offset. A partition moves only
 * after its previous owner left it out of a heartbeat, so two members never hold one partition at once
 * (unless the previous owner's session expired: then the coordinator already forgot it, and its commits
 * fail with {@link UnknownMemberException}).
 *
 * @param memberId          the member
 * @param generation        the group's generation: it grows each time the group's target assignment changes;
 *                          commits name it
 * @param partitions        the partitions the member may hold now
 * @param heartbeatInterval when to send the next heartbeat; shorter while partitions are moving
 */
public record Assignment(String memberId, int generation, Set<TopicPartition> partitions, Duration heartbeatInterval) {

    public Assignment {
        Objects.requireNonNull(memberId, "memberId");
        if (generation < 1) {
            throw new IllegalArgumentException("an assignment's generation starts at 1, was " + generation);
        }
        partitions = Set.copyOf(partitions);
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, was " + heartbeatInterval);
        }
    }
}
