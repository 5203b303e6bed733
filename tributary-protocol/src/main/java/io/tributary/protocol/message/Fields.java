package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Field encodings that several messages share. */
final class Fields {

    /** Bytes of the smallest string on the wire: its int16 length. */
    static final int MIN_STRING = 2;
    /** Bytes of the smallest array or map on the wire: its int32 count. */
    static final int MIN_ARRAY = 4;

    private Fields() {
    }

    /** An int16 error code; an unknown code reads as {@link ErrorCode#UNKNOWN_SERVER_ERROR}. */
    static ErrorCode readErrorCode(WireReader in, String field) {
        return ErrorCode.forCode(in.readShort(field));
    }

    /** An unmodifiable copy that keeps the iteration order, so encoding is deterministic. */
    static Map<String, String> orderedCopy(Map<String, String> map) {
        Map<String, String> copy = LinkedHashMap.newLinkedHashMap(map.size());
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "config key"),
                Objects.requireNonNull(value, () -> "value of config " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
