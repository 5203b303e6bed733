package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * Commits a member's offsets: all of them or none. Idempotent: committing the same offsets again keeps them.
 *
 * @param group      the group
 * @param memberId   the member; it must hold every partition named
 * @param generation of the member's latest assignment
 * @param offsets    per partition, the next offset the group should read
 */
public record CommitOffsetsRequest(String group, String memberId, int generation, List<TopicOffsets> offsets)
        implements Request {

    public CommitOffsetsRequest {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(memberId, "memberId");
        offsets = List.copyOf(offsets);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.COMMIT_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group).writeString(memberId).writeInt(generation);
        TopicOffsets.writeAll(out, offsets);
    }

    public static CommitOffsetsRequest decode(WireReader in) {
        String group = in.readString("CommitOffsetsRequest.group");
        String memberId = in.readString("CommitOffsetsRequest.memberId");
        int generation = in.readInt("CommitOffsetsRequest.generation");
        return new CommitOffsetsRequest(group, memberId, generation, TopicOffsets.readAll(in, "CommitOffsetsRequest.offsets"));
    }
}
