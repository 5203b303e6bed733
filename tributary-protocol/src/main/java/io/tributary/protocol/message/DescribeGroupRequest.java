package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;

/**
 * Asks for a group's members, assignment and progress per partition.
 *
 * @param group the group
 */
public record DescribeGroupRequest(String group) implements Request {

    public DescribeGroupRequest {
        Objects.requireNonNull(group, "group");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_GROUP;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group);
    }

    public static DescribeGroupRequest decode(WireReader in) {
        return new DescribeGroupRequest(in.readString("DescribeGroupRequest.group"));
    }
}
