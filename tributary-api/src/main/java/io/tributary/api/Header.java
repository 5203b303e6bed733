package io.tributary.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named value attached to a {@link Record}. Names are not unique within a record: headers keep
 * the order in which they were added, and a name may repeat.
 *
 * <p>The value array is not copied; treat it as immutable once the header is built.
 *
 * @param name  header name, never empty
 * @param value header value; empty is allowed
 */
public record Header(String name, byte[] value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Header that && name.equals(that.name) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Header[" + name + ", " + value.length + " bytes]";
    }
}
