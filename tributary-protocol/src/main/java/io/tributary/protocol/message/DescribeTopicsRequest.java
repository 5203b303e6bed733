package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;

/**
 * Asks for the settings, offsets and sizes of topics; listing topics is describing them all.
 *
 * @param names the topics; empty for every topic
 */
public record DescribeTopicsRequest(List<String> names) implements Request {

    /** Every topic: the topic list. */
    public static final DescribeTopicsRequest ALL_TOPICS = new DescribeTopicsRequest(List.of());

    public DescribeTopicsRequest {
        names = List.copyOf(names);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_TOPICS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeStringArray(names);
    }

    public static DescribeTopicsRequest decode(WireReader in) {
        return new DescribeTopicsRequest(in.readStringArray("DescribeTopicsRequest.names"));
    }
}
