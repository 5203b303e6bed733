package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;

/**
 * Asks for the cluster id, the nodes and the leaders of partitions.
 *
 * @param topics the topics to describe; empty for every topic
 */
public record MetadataRequest(List<String> topics) implements Request {

    /** Every topic. */
    public static final MetadataRequest ALL_TOPICS = new MetadataRequest(List.of());

    public MetadataRequest {
        topics = List.copyOf(topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.METADATA;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeStringArray(topics);
    }

    public static MetadataRequest decode(WireReader in) {
        return new MetadataRequest(in.readStringArray("MetadataRequest.topics"));
    }
}
