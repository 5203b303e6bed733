package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a topic.
 *
 * @param name       the topic's name ({@code TopicName} rule; the broker answers
 *                   {@link ErrorCode#INVALID_TOPIC_NAME} otherwise)
 * @param partitions number of partitions, at least 1
 * @param configs    topic settings that differ from the broker's defaults, by key (the broker documents
 *                   the keys a topic accepts); kept in order
 */
public record CreateTopicRequest(String name, int partitions, Map<String, String> configs) implements Request {

    public CreateTopicRequest {
        Objects.requireNonNull(name, "name");
        configs = Fields.orderedCopy(configs);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(name).writeInt(partitions).writeStringMap(configs);
    }

    public static CreateTopicRequest decode(WireReader in) {
        String name = in.readString("CreateTopicRequest.name");
        int partitions = in.readInt("CreateTopicRequest.partitions");
        return new CreateTopicRequest(name, partitions, in.readStringMap("CreateTopicRequest.configs"));
    }
}
