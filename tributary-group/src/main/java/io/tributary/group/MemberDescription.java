package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A member, as {@link GroupCoordinator#describe} shows it.
 *
 * @param memberId      its id
 * @param clientId      who it is ({@link Heartbeat#clientId()})
 * @param topics        what it subscribes to
 * @param owned         the partitions it holds now
 * @param target        the partitions the coordinator assigns it (differs from {@code owned} while partitions move)
 * @param lastHeartbeat when its last heartbeat arrived
 */
public record MemberDescription(String memberId, String clientId, List<String> topics, Set<TopicPartition> owned,
        Set<TopicPartition> target, Instant lastHeartbeat) {

    public MemberDescription {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(clientId, "clientId");
        topics = List.copyOf(topics);
        owned = Set.copyOf(owned);
        target = Set.copyOf(target);
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }
}
