package io.tributary.event;

import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened, in the CloudEvents 1.0 envelope (ARCHITECTURE.md §4). Build one with
 * {@link #builder(String)}; store or send it as a record with {@link EventRecords}; exchange it as JSON with
 * {@code CloudEventsJson} of the module {@code tributary-json}.
 *
 * <p>Components carry the CloudEvents attribute names verbatim, lower case included ({@code partitionkey},
 * {@code correlationid}), so that each maps to its header ({@code ce_correlationid}) and JSON member
 * without a translation table. {@link #key()} is an alias of {@link #partitionkey()} that matches
 * {@link Builder#key(String)}. Absent optional attributes are {@code null}, never empty.
 *
 * <p>Every instance is valid: the constructor checks each attribute (rules and limits below) and throws an
 * {@link InvalidEventException} naming the attribute, the rule and the way out.
 * <ul>
 *   <li>{@code id}: 1 to {@value #MAX_ID_LENGTH} characters; a UUIDv7 from {@link EventIds#next()} by default.
 *   <li>{@code type}: tokens of {@code [A-Za-z0-9_-]} separated by {@code .} or {@code :}, no empty token, at
 *       most {@value #MAX_TYPE_LENGTH} characters ({@code order.created}, {@code billing:invoice.paid}).
 *   <li>{@code source}: non-empty; by default the value of {@link #DEFAULT_SOURCE}.
 *   <li>{@code time}: between {@link #MIN_TIME} and {@link #MAX_TIME} (what RFC 3339 can write), kept to the
 *       nanosecond.
 *   <li>{@code dataschema}: a URI; {@code datacontenttype}: a media type ({@code type/subtype;params});
 *       {@code traceparent}: W3C Trace Context version 00.
 *   <li>{@code version}: 1 or higher.
 *   <li>extension names: 1 to {@value #MAX_EXTENSION_NAME_LENGTH} characters of {@code [a-z0-9]} (the
 *       CloudEvents naming rule and its recommended length), not the name of an attribute above; at most
 *       {@value #MAX_EXTENSIONS} extensions.
 *   <li>string values: at most {@value #MAX_ATTRIBUTE_LENGTH} characters ({@code tracestate}:
 *       {@value #MAX_TRACESTATE_LENGTH}, as W3C allows), well-formed UTF-16 so that they survive UTF-8.
 * </ul>
 *
 * <p>{@code data} is not copied, like {@link io.tributary.api.Record}'s arrays: treat it as immutable once
 * the event is built. {@code equals} compares its contents. An event without data has an empty array.
 *
 * @param id              unique per source: the idempotency key
 * @param source          the producing service
 * @param type            what happened, e.g. {@code order.created}
 * @param time            when it happened
 * @param subject         what it happened to, e.g. a resource URL, or {@code null}
 * @param dataschema      URI of the schema of {@code data}, or {@code null}
 * @param datacontenttype media type of {@code data}, e.g. {@code application/json}, or {@code null}
 * @param partitionkey    ordering key, hashed to a partition, or {@code null} to spread events round robin
 * @param version         schema version of {@code type}, 1 or higher
 * @param correlationid   ties the events of one flow together, or {@code null}
 * @param traceparent     W3C trace context, or {@code null}
 * @param tracestate      W3C trace state, or {@code null}
 * @param extensions      further CloudEvents extension attributes; copied into an unmodifiable map sorted
 *                        by name
 * @param data            the payload; empty when there is none
 */
public record Event(
        String id,
        String source,
        String type,
        Instant time,
        @Nullable String subject,
        @Nullable String dataschema,
        @Nullable String datacontenttype,
        @Nullable String partitionkey,
        int version,
        @Nullable String correlationid,
        @Nullable String traceparent,
        @Nullable String tracestate,
        Map<String, String> extensions,
        byte[] data) {

    /** Longest {@code id}. */
    public static final int MAX_ID_LENGTH = 255;
    /** Longest {@code type}. */
    public static final int MAX_TYPE_LENGTH = 255;
    /** Longest value of any other string attribute and of each extension, in characters. */
    public static final int MAX_ATTRIBUTE_LENGTH = 2048;
    /** Longest {@code tracestate}: what W3C Trace Context asks every vendor to propagate. */
    public static final int MAX_TRACESTATE_LENGTH = 512;
    /** Longest extension name (CloudEvents' recommended maximum). */
    public static final int MAX_EXTENSION_NAME_LENGTH = 20;
    /**
     * Most extension attributes on one event, not counting those named {@value #DEAD_LETTER_PREFIX}{@code *}: a
     * dead letter carries the event's own extensions and its dead-letter attributes.
     */
    public static final int MAX_EXTENSIONS = 32;
    /** Names of the extensions Tributary gives a dead letter start with this ({@code dlqtopic}, {@code dlqattempts}...). */
    public static final String DEAD_LETTER_PREFIX = "dlq";
    /** Most extensions named {@value #DEAD_LETTER_PREFIX}{@code *} on one event, beside {@link #MAX_EXTENSIONS} others. */
    public static final int MAX_DEAD_LETTER_EXTENSIONS = 16;
    /** Earliest {@code time}: RFC 3339 has four-digit years. */
    public static final Instant MIN_TIME = Instant.parse("0000-01-01T00:00:00Z");
    /** Latest {@code time}. */
    public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** {@code datacontenttype} of JSON data. */
    public static final String APPLICATION_JSON = "application/json";

    /**
     * The {@code source} of events built without one: the system property {@code tributary.event.source},
     * else the environment variable {@code TRIBUTARY_EVENT_SOURCE}, else {@code tributary}. Read once, when
     * the first event is built without a source.
     */
    public static final ConfigKey<String> DEFAULT_SOURCE = ConfigKey.text("tributary.event.source", "tributary",
            "source attribute of events built without one; name the producing service");

    private static final byte[] NO_DATA = new byte[0];

    public Event {
        EventValidation.attributes(id, source, type, time, subject, dataschema, datacontenttype, partitionkey,
                version, correlationid, traceparent, tracestate);
        extensions = EventValidation.extensions(extensions);
        EventValidation.data(data);
    }

    /** A builder for an event of {@code type}; everything else has a default or is absent. */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** A builder holding every attribute and the data of this event, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(type).id(id).source(source).time(time).subject(subject).dataschema(dataschema)
                .datacontenttype(datacontenttype).key(partitionkey).version(version).correlationId(correlationid)
                .traceparent(traceparent).tracestate(tracestate).data(data);
        builder.extensions.putAll(extensions);
        return builder;
    }

    /** The {@code partitionkey}, named like {@link Builder#key(String)}. */
    public @Nullable String key() {
        return partitionkey;
    }

    /**
     * Decodes {@code data} with the codec on the classpath ({@link EventDataCodec#discovered()}).
     *
     * @throws EventDataException when there is no data, no codec, or the codec cannot decode the data into
     *                            {@code type}
     */
    public <T> T dataAs(Class<T> type) {
        return dataAs(type, EventDataCodec.discovered());
    }

    /**
     * Decodes {@code data} with {@code codec}.
     *
     * @throws EventDataException when there is no data or {@code codec} cannot decode it into {@code type}
     */
    public <T> T dataAs(Class<T> type, EventDataCodec codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(codec, "codec");
        if (data.length == 0) {
            throw new EventDataException("event " + id + " (" + this.type + ") has no data to decode as "
                    + type.getName() + "; check data().length first if data is optional");
        }
        try {
            return codec.decode(data, type);
        } catch (EventDataException e) {
            throw new EventDataException("event " + id + " (" + this.type + "): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Event that
                && version == that.version
                && id.equals(that.id)
                && source.equals(that.source)
                && type.equals(that.type)
                && time.equals(that.time)
                && Objects.equals(subject, that.subject)
                && Objects.equals(dataschema, that.dataschema)
                && Objects.equals(datacontenttype, that.datacontenttype)
                && Objects.equals(partitionkey, that.partitionkey)
                && Objects.equals(correlationid, that.correlationid)
                && Objects.equals(traceparent, that.traceparent)
                && Objects.equals(tracestate, that.tracestate)
                && extensions.equals(that.extensions)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, type, time, subject, dataschema, datacontenttype, partitionkey, version,
                correlationid, traceparent, tracestate, extensions, Arrays.hashCode(data));
    }

    /** The attributes that identify the event, and the size of its data (never its contents). */
    @Override
    public String toString() {
        return "Event[type=" + type + ", version=" + version + ", id=" + id + ", source=" + source + ", time=" + time
                + (partitionkey == null ? "" : ", partitionkey=" + partitionkey)
                + (correlationid == null ? "" : ", correlationid=" + correlationid)
                + ", data=" + data.length + " bytes" + (datacontenttype == null ? "" : " " + datacontenttype) + "]";
    }

    static String defaultSource(ConfigSource source) {
        return DEFAULT_SOURCE.resolve(source);
    }

    /**
     * Builds an {@link Event}. Setters take {@code null} for "absent" (optional attributes) or "default"
     * ({@code id}, {@code source}, {@code time}). Not thread-safe; a builder may build several events, each
     * getting a fresh default id and time.
     */
    public static final class Builder {

        private String type;
        private @Nullable String id;
        private @Nullable String source;
        private @Nullable Instant time;
        private @Nullable String subject;
        private @Nullable String dataschema;
        private @Nullable String datacontenttype;
        private @Nullable String partitionkey;
        private int version = 1;
        private @Nullable String correlationid;
        private @Nullable String traceparent;
        private @Nullable String tracestate;
        private final TreeMap<String, String> extensions = new TreeMap<>();
        private byte[] data = NO_DATA;
        private @Nullable Object value;
        private @Nullable EventDataCodec codec;

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** What happened, e.g. {@code order.created}. */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The id; {@code null} (the default) gives a fresh {@link EventIds#next()} UUIDv7 at {@link #build()}. */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /** The producing service; {@code null} (the default) gives the value of {@link Event#DEFAULT_SOURCE}. */
        public Builder source(@Nullable String source) {
            this.source = source;
            return this;
        }

        /** When it happened; {@code null} (the default) gives {@link Instant#now()} at {@link #build()}. */
        public Builder time(@Nullable Instant time) {
            this.time = time;
            return this;
        }

        /** What it happened to, e.g. a resource URL. */
        public Builder subject(@Nullable String subject) {
            this.subject = subject;
            return this;
        }

        /** URI of the schema of the data. */
        public Builder dataschema(@Nullable String dataschema) {
            this.dataschema = dataschema;
            return this;
        }

        /** Media type of the data; overrides the codec's when {@link #data(Object)} is used. */
        public Builder datacontenttype(@Nullable String datacontenttype) {
            this.datacontenttype = datacontenttype;
            return this;
        }

        /** The {@code partitionkey}: events with the same key go to the same partition, in order. */
        public Builder key(@Nullable String partitionkey) {
            this.partitionkey = partitionkey;
            return this;
        }

        /** Schema version of the type; 1 by default. */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        /** The {@code correlationid} that ties the events of one flow together. */
        public Builder correlationId(@Nullable String correlationid) {
            this.correlationid = correlationid;
            return this;
        }

        /** W3C {@code traceparent}, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. */
        public Builder traceparent(@Nullable String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        /** W3C {@code tracestate}. */
        public Builder tracestate(@Nullable String tracestate) {
            this.tracestate = tracestate;
            return this;
        }

        /** Sets extension attribute {@code name} (checked at {@link #build()}), or removes it when {@code value} is {@code null}. */
        public Builder extension(String name, @Nullable String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                extensions.remove(name);
            } else {
                extensions.put(name, value);
            }
            return this;
        }

        /** The data as bytes, not copied; replaces data set before. Leaves {@code datacontenttype} as it is. */
        public Builder data(byte[] data) {
            this.data = Objects.requireNonNull(data, "data");
            this.value = null;
            return this;
        }

        /**
         * The data as an object, encoded at {@link #build()} by the {@link #codec codec} (by default
         * {@link EventDataCodec#discovered()}, i.e. JSON with {@code tributary-json}); {@code datacontenttype}
         * becomes the codec's content type unless set explicitly. A {@code byte[]} is taken as
         * {@link #data(byte[])}; {@code null} removes the data.
         */
        public Builder data(@Nullable Object value) {
            if (value instanceof byte[] bytes) {
                return data(bytes);
            }
            this.data = NO_DATA;
            this.value = value;
            return this;
        }

        /** The codec for {@link #data(Object)}, instead of the one discovered on the classpath. */
        public Builder codec(EventDataCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Builds the event, filling in the defaults.
         *
         * @throws InvalidEventException when an attribute breaks its rule (see {@link Event})
         * @throws EventDataException    when {@link #data(Object)} was given and there is no codec or it
         *                               cannot encode the value
         */
        public Event build() {
            byte[] bytes = data;
            String contentType = datacontenttype;
            if (value != null) {
                EventDataCodec encoder = codec != null ? codec : EventDataCodec.discovered();
                bytes = encoder.encode(value);
                if (contentType == null) {
                    contentType = encoder.contentType();
                }
            }
            return new Event(id != null ? id : EventIds.next(), source != null ? source : DefaultSource.VALUE, type,
                    time != null ? time : Instant.now(), subject, dataschema, contentType, partitionkey, version,
                    correlationid, traceparent, tracestate, extensions, bytes);
        }
    }

    /** Resolves {@link #DEFAULT_SOURCE} once, on first use. */
    private static final class DefaultSource {
        static final String VALUE = defaultSource(
                key -> Optional.ofNullable(System.getProperty(key)).or(() -> ConfigSource.environment().get(key)));
    }
}
