package io.tributary.event;

import java.nio.charset.StandardCharsets;

/** A codec for tests: encodes any value as its {@code toString()} in UTF-8 and decodes only {@code String}. */
public final class StubDataCodec implements EventDataCodec {

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public byte[] encode(Object value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T decode(byte[] data, Class<T> type) {
        if (type != String.class) {
            throw new EventDataException("StubDataCodec decodes String only, not " + type.getName());
        }
        return type.cast(new String(data, StandardCharsets.UTF_8));
    }
}
