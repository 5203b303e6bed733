package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Map;
import java.util.Objects;

/**
 * Changes settings of a topic. Settings not named keep their value.
 *
 * @param name    the topic
 * @param configs settings to change, by key; kept in order
 */
public record AlterTopicRequest(String name, Map<String, String> configs) implements Request {

    public AlterTopicRequest {
        Objects.requireNonNull(name, "name");
        configs = Fields.orderedCopy(configs);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.ALTER_TOPIC;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(name).writeStringMap(configs);
    }

    public static AlterTopicRequest decode(WireReader in) {
        String name = in.readString("AlterTopicRequest.name");
        return new AlterTopicRequest(name, in.readStringMap("AlterTopicRequest.configs"));
    }
}
