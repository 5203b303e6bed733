package io.tributary.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The unit a partition stores: an optional key, ordered headers, a value and a timestamp. A record has
 * no offset of its own; the log assigns one when the record's batch is appended.
 *
 * <p>Arrays are not copied; treat them as immutable once the record is built. {@code equals} compares
 * their contents.
 *
 * @param key       partition key bytes, or {@code null} for a record without a key
 * @param headers   headers in insertion order (copied into an unmodifiable list)
 * @param value     the payload; may be empty
 * @param timestamp milliseconds since the epoch, as given by the producer
 */
public record Record(byte @Nullable [] key, List<Header> headers, byte[] value, long timestamp) {

    public Record {
        headers = List.copyOf(headers);
        Objects.requireNonNull(value, "value");
    }

    /** A record with only a value and a timestamp. */
    public static Record of(byte[] value, long timestamp) {
        return new Record(null, List.of(), value, timestamp);
    }

    /** A record with a key, a value and a timestamp. */
    public static Record of(byte @Nullable [] key, byte[] value, long timestamp) {
        return new Record(key, List.of(), value, timestamp);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Record that
                && timestamp == that.timestamp
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), headers, Arrays.hashCode(value), timestamp);
    }

    @Override
    public String toString() {
        return "Record[key=" + (key == null ? "null" : key.length + " bytes")
                + ", headers=" + headers.size() + ", value=" + value.length + " bytes, timestamp=" + timestamp + "]";
    }
}
