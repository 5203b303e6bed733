package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;

/**
 * Deletes a topic and its data.
 *
 * @param name the topic
 */
public record DeleteTopicRequest(String name) implements Request {

    public DeleteTopicRequest {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(name);
    }

    public static DeleteTopicRequest decode(WireReader in) {
        return new DeleteTopicRequest(in.readString("DeleteTopicRequest.name"));
    }
}
