package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Moves a group's committed offsets (the group must have no members).
 *
 * @param group the group
 * @param topic the topic whose partitions to reset, or null for every topic the group has offsets for
 * @param kind  where to: {@link #EARLIEST}, {@link #LATEST}, {@link #OFFSET} or {@link #TIME}
 * @param value the offset ({@link #OFFSET}), or the time in epoch milliseconds ({@link #TIME}); 0 otherwise
 */
public record ResetOffsetsRequest(String group, @Nullable String topic, byte kind, long value) implements Request {

    /** {@code kind}: each partition's first offset. */
    public static final byte EARLIEST = 0;
    /** {@code kind}: each partition's end. */
    public static final byte LATEST = 1;
    /** {@code kind}: {@code value} in every partition, clamped to the partition's offsets. */
    public static final byte OFFSET = 2;
    /** {@code kind}: the first record at or after the time {@code value} (epoch milliseconds). */
    public static final byte TIME = 3;

    public ResetOffsetsRequest {
        Objects.requireNonNull(group, "group");
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.RESET_OFFSETS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(group).writeNullableString(topic).writeByte(kind).writeLong(value);
    }

    public static ResetOffsetsRequest decode(WireReader in) {
        String group = in.readString("ResetOffsetsRequest.group");
        String topic = in.readNullableString("ResetOffsetsRequest.topic");
        byte kind = in.readByte("ResetOffsetsRequest.kind");
        return new ResetOffsetsRequest(group, topic, kind, in.readLong("ResetOffsetsRequest.value"));
    }
}
