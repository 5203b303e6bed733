package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;

/**
 * Asks where one partition starts and ends, e.g. for a consumer that starts at the latest record.
 *
 * @param topic     the topic
 * @param partition the partition
 */
public record EndOffsetRequest(String topic, int partition) implements Request {

    public EndOffsetRequest {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.END_OFFSET;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(topic).writeInt(partition);
    }

    public static EndOffsetRequest decode(WireReader in) {
        String topic = in.readString("EndOffsetRequest.topic");
        return new EndOffsetRequest(topic, in.readInt("EndOffsetRequest.partition"));
    }
}
