package io.tributary.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.event.Event;
import io.tributary.event.EventDataCodec;
import io.tributary.event.EventDataException;
import java.io.IOException;
import java.util.Objects;

/**
 * Event data as JSON, with Jackson. Registered with {@link java.util.ServiceLoader}, so adding
 * {@code tributary-json} to the classpath is enough for {@code Event.Builder.data(Object)} and
 * {@code Event.dataAs(Class)}.
 *
 * <p>The default mapper (shared by all instances made with the no-argument constructor) writes
 * {@code java.time} values as ISO-8601 text and ignores unknown properties when decoding, so a consumer
 * still reads an event whose producer has added a field within the same version. Pass an
 * {@link ObjectMapper} of your own for anything else. Thread-safe, as {@link ObjectMapper} is once configured.
 */
public final class JacksonEventDataCodec implements EventDataCodec {

    private static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ObjectMapper mapper;

    /** A codec over the shared default mapper; this is what {@link java.util.ServiceLoader} creates. */
    public JacksonEventDataCodec() {
        this(DEFAULT_MAPPER);
    }

    /** A codec over {@code mapper}, which must not be reconfigured afterwards. */
    public JacksonEventDataCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** {@code application/json}. */
    @Override
    public String contentType() {
        return Event.APPLICATION_JSON;
    }

    @Override
    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new EventDataException("cannot encode a " + value.getClass().getName() + " as JSON event data"
                    + where(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] data, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            String message = e instanceof JacksonException je ? je.getOriginalMessage() + where(je) : e.getMessage();
            throw new EventDataException("cannot decode JSON event data as " + type.getName() + ": " + message, e);
        }
    }

    private static String where(JacksonException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return " at " + mapping.getPathReference();
        }
        JsonLocation location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
