package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * A member's heartbeat; its first one (generation 0) joins the group. Idempotent: the same heartbeat sent
 * again (its answer was lost) changes nothing more.
 *
 * @param group      the group
 * @param memberId   chosen by the member (a random UUID)
 * @param generation of the last assignment the member received; 0 to join
 * @param clientId   who the member is, for people
 * @param topics     the topics it subscribes to
 * @param owned      the partitions it holds now
 */
public record GroupHeartbeatRequest(String group, String memberId, int generation, String clientId, List<String> topics,
        List<TopicPartitions> owned) implements Request {

    public GroupHeartbeatRequest {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(clientId, "clientId");
        topics = List.copyOf(topics);
        owned = List.copyOf(owned);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.GROUP_HEARTBEAT;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group).writeString(memberId).writeInt(generation).writeString(clientId).writeStringArray(topics);
        TopicPartitions.writeAll(out, owned);
    }

    public static GroupHeartbeatRequest decode(WireReader in) {
        String group = in.readString("GroupHeartbeatRequest.group");
        String memberId = in.readString("GroupHeartbeatRequest.memberId");
        int generation = in.readInt("GroupHeartbeatRequest.generation");
        String clientId = in.readString("GroupHeartbeatRequest.clientId");
        List<String> topics = in.readStringArray("GroupHeartbeatRequest.topics");
        return new GroupHeartbeatRequest(group, memberId, generation, clientId, topics,
                TopicPartitions.readAll(in, "GroupHeartbeatRequest.owned"));
    }
}
