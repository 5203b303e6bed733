package io.tributary.group;

import io.tributary.api.TopicName;
import io.tributary.api.TopicPartition;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a member tells its coordinator, every {@link Assignment#heartbeatInterval()}: that it is alive,
 * what it subscribes to and which partitions it holds now. The first heartbeat of a member is its join.
 *
 * @param group      the group
 * @param memberId   chosen by the member (a random UUID), 1 to {@value #MAX_MEMBER_ID_LENGTH} characters,
 *                   so that a join whose answer was lost can be sent again without leaving a second member
 *                   behind
 * @param generation the generation of the last {@link Assignment} the member received, or {@code 0} when it
 *                   joins (or joins again after an {@link UnknownMemberException})
 * @param clientId   who the member is, for people: e.g. {@code worker@host/pid}; at most
 *                   {@value #MAX_CLIENT_ID_LENGTH} characters
 * @param topics     the topics the member subscribes to, at least one
 * @param owned      the partitions the member holds now: it handles their events and may commit them.
 *                   A partition it gave up is left out, which tells the coordinator that it may go to
 *                   another member
 */
public record Heartbeat(String group, String memberId, int generation, String clientId, List<String> topics,
        Set<TopicPartition> owned) {

    public static final int MAX_MEMBER_ID_LENGTH = 64;
    public static final int MAX_CLIENT_ID_LENGTH = 256;

    public Heartbeat {
        GroupName.of(group);
        Objects.requireNonNull(memberId, "memberId");
        if (memberId.isEmpty() || memberId.length() > MAX_MEMBER_ID_LENGTH) {
            throw new IllegalArgumentException("member id '" + memberId + "' must have 1 to " + MAX_MEMBER_ID_LENGTH
                    + " characters; members use a random UUID");
        }
        if (generation < 0) {
            throw new IllegalArgumentException("generation cannot be negative, was " + generation);
        }
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.length() > MAX_CLIENT_ID_LENGTH) {
            throw new IllegalArgumentException("client id of " + clientId.length() + " characters is longer than "
                    + MAX_CLIENT_ID_LENGTH);
        }
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("member " + memberId + " of group " + group + " subscribes to no topic");
        }
        topics.forEach(TopicName::of);
        owned = Set.copyOf(owned);
    }

    /** The first heartbeat of a member: generation 0, holding nothing. */
    public static Heartbeat join(String group, String memberId, String clientId, List<String> topics) {
        return new Heartbeat(group, memberId, 0, clientId, topics, Set.of());
    }

    /** Whether this heartbeat joins the group (generation 0). */
    public boolean isJoin() {
        return generation == 0;
    }
}
