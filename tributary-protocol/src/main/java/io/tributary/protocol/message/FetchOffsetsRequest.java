package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * Asks for a group's committed offsets.
 *
 * @param group      the group
 * @param partitions the partitions; empty for every partition the group has committed offsets for
 */
public record FetchOffsetsRequest(String group, List<TopicPartitions> partitions) implements Request {

    public FetchOffsetsRequest {
        Objects.requireNonNull(group, "group");
        partitions = List.copyOf(partitions);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group);
        TopicPartitions.writeAll(out, partitions);
    }

    public static FetchOffsetsRequest decode(WireReader in) {
        String group = in.readString("FetchOffsetsRequest.group");
        return new FetchOffsetsRequest(group, TopicPartitions.readAll(in, "FetchOffsetsRequest.partitions"));
    }
}
