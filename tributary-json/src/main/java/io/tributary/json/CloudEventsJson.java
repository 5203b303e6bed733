package io.tributary.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tributary.event.Event;
import io.tributary.event.InvalidEventException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Events in CloudEvents structured mode: the JSON event format ({@value #CONTENT_TYPE}) and its batch
 * ({@value #BATCH_CONTENT_TYPE}), one event per object with every attribute a top-level member. This is the
 * exchange format of the HTTP events endpoint and the CLI; storage uses binary mode
 * ({@link io.tributary.event.EventRecords}, decision 0009).
 *
 * <p>Writing: attributes as JSON strings, except {@code version}, a number; {@code time} in RFC 3339 with
 * every digit of the nanoseconds; absent attributes left out. {@code data} is inlined as JSON when the
 * {@code datacontenttype} is JSON ({@code *}{@code /json} or {@code *}{@code /*+json}, parameters ignored)
 * and the bytes are exactly one JSON value in UTF-8 without surrounding whitespace; it is then copied byte
 * for byte, never re-formatted. Any other non-empty data goes to {@code data_base64}; empty data is left out.
 * So {@code fromJson(toJson(e)).equals(e)} for every event.
 *
 * <p>Reading follows the JSON event format: inlined {@code data} becomes its exact bytes in the document,
 * except a JSON string under a non-JSON {@code datacontenttype}, which becomes the string's UTF-8 bytes;
 * attributes given as {@code null} are absent ({@code "data": null} is the JSON value {@code null}); number and boolean extension values are kept as their text;
 * a missing {@code time} is the time of reading; a missing {@code version} is 1. Duplicate members are
 * refused. Errors are {@link InvalidEventException}s whose attribute is a JSON path such as
 * {@code $.time} or {@code $[3].type}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloudEventsJson {

    /** Media type of one event in structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    /** Media type of a JSON array of events. */
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Inlined data sits one level below the envelope, so it may nest one level less than the envelope's limit. */
    private static final JsonFactory DATA_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(StreamReadConstraints.defaults().getMaxNestingDepth() - 1)
                    .build())
            .build();

    private CloudEventsJson() {}

    /** {@code event} as a JSON object, in UTF-8. */
    public static byte[] toJsonBytes(Event event) {
        return toJsonBytes(event, false);
    }

    private static byte[] toJsonBytes(Event event, boolean singleLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.data().length * 4 / 3);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, event, singleLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** {@code event} as a JSON object. */
    public static String toJson(Event event) {
        return new String(toJsonBytes(event), StandardCharsets.UTF_8);
    }

    /**
     * {@code event} as one line of JSON lines: the object on a single line, then {@code \n}. JSON data that
     * spans lines goes to {@code data_base64}, since inlined data is copied byte for byte.
     */
    public static String toJsonLine(Event event) {
        return new String(toJsonBytes(event, true), StandardCharsets.UTF_8) + "\n";
    }

    /** {@code events} as a JSON array ({@value #BATCH_CONTENT_TYPE}). */
    public static String toJsonBatch(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartArray();
            for (Event event : events) {
                write(generator, event, false);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads one event from a JSON object in UTF-8.
     *
     * @throws InvalidEventException naming the JSON path and the rule when the document is not one valid event
     */
    public static Event fromJson(byte[] json) {
        return read(json, false).getFirst();
    }

    /** Like {@link #fromJson(byte[])}, from text. */
    public static Event fromJson(String json) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the events of a JSON array in UTF-8, in order.
     *
     * @throws InvalidEventException naming the JSON path, e.g. {@code $[3].type}, of the first offence
     */
    public static List<Event> fromJsonBatch(byte[] json) {
        return read(json, true);
    }

    /** Like {@link #fromJsonBatch(byte[])}, from text. */
    public static List<Event> fromJsonBatch(String json) {
        return fromJsonBatch(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code contentType} is JSON by the JSON event format's rule: {@code * /json} or {@code * /*+json}. */
    static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        int slash = mediaType.indexOf('/');
        String subtype = mediaType.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    // ---- writing

    /** Writes one event object; {@code singleLine} keeps line breaks in data out of it (JSON strings escape theirs). */
    private static void write(JsonGenerator out, Event event, boolean singleLine) throws IOException {
        out.writeStartObject();
        out.writeStringField("specversion", "1.0");
        out.writeStringField("id", event.id());
        out.writeStringField("source", event.source());
        out.writeStringField("type", event.type());
        out.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        optional(out, "subject", event.subject());
        optional(out, "dataschema", event.dataschema());
        optional(out, "datacontenttype", event.datacontenttype());
        optional(out, "partitionkey", event.partitionkey());
        out.writeNumberField("version", event.version());
        optional(out, "correlationid", event.correlationid());
        optional(out, "traceparent", event.traceparent());
        optional(out, "tracestate", event.tracestate());
        for (Map.Entry<String, String> extension : event.extensions().entrySet()) {
            out.writeStringField(extension.getKey(), extension.getValue());
        }
        byte[] data = event.data();
        if (data.length > 0) {
            if (isJson(event.datacontenttype()) && isOneJsonValue(data) && !(singleLine && hasLineBreak(data))) {
                out.writeFieldName("data");
                out.writeRawValue(new String(data, StandardCharsets.UTF_8));
            } else {
                out.writeStringField("data_base64", Base64.getEncoder().encodeToString(data));
            }
        }
        out.writeEndObject();
    }

    private static void optional(JsonGenerator out, String name, @Nullable String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    /**
     * Whether {@code data} can be inlined and read back byte for byte: one JSON value, nothing around it
     * (a reader sees only the value, not whitespace or a byte order mark), valid UTF-8.
     */
    private static boolean isOneJsonValue(byte[] data) {
        if (!startsJsonValue(data[0]) || isWhitespace(data[data.length - 1]) || !isUtf8(data)) {
            return false;
        }
        try (JsonParser parser = DATA_FACTORY.createParser(data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                parser.getText(); // forces the string to be read, and checked, to its end
            }
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasLineBreak(byte[] data) {
        for (byte b : data) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsJsonValue(byte b) {
        return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f'
                || b == 'n';
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ---- reading

    private static List<Event> read(byte[] json, boolean batch) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            List<Event> events = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (batch) {
                expect(first == JsonToken.START_ARRAY, "$", "a batch must be a JSON array of event objects ("
                        + BATCH_CONTENT_TYPE + ")");
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    String path = "$[" + events.size() + "]";
                    expect(token == JsonToken.START_OBJECT, path, "each element of a batch must be an event object");
                    events.add(readEvent(parser, json, path));
                }
            } else {
                expect(first == JsonToken.START_OBJECT, "$", "an event must be a JSON object (" + CONTENT_TYPE
                        + "); send a JSON array to the batch reader");
                events.add(readEvent(parser, json, "$"));
            }
            expect(parser.nextToken() == null, "$", "there is more after the " + (batch ? "array" : "event object")
                    + "; send one " + (batch ? "array" : "object") + " per document");
            return events;
        } catch (JacksonException e) {
            throw new InvalidEventException("$", "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail otherwise
        }
    }

    /** Reads the members of the object whose START_OBJECT is the current token. */
    private static Event readEvent(JsonParser parser, byte[] json, String path) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        Map<String, String> extensions = new HashMap<>();
        Integer version = null;
        long dataStart = -1;
        byte @Nullable [] data = null;
        String dataText = null;
        boolean inline = false;
        boolean base64 = false;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (dataStart >= 0) {
                data = slice(json, dataStart, parser.currentTokenLocation().getByteOffset());
                dataStart = -1;
            }
            String name = parser.currentName();
            String memberPath = path + "." + name;
            JsonToken value = parser.nextToken();
            switch (name) {
                case "data" -> {
                    inline = true;
                    dataStart = parser.currentTokenLocation().getByteOffset();
                    dataText = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    parser.skipChildren();
                }
                case "data_base64" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        expect(value == JsonToken.VALUE_STRING, memberPath, "data_base64 must be a string of base64");
                        base64 = true;
                        try {
                            data = Base64.getDecoder().decode(parser.getText());
                        } catch (IllegalArgumentException e) {
                            throw new InvalidEventException(memberPath, "data_base64 is not base64 (" + e.getMessage()
                                    + "); encode the data with the standard alphabet and padding (RFC 4648 §4)", e);
                        }
                    }
                }
                case "version" -> version = value == JsonToken.VALUE_NULL ? null : version(parser, value, memberPath);
                default -> {
                    String text = scalar(parser, value, memberPath);
                    if (text != null) {
                        if (isAttribute(name)) {
                            attributes.put(name, text);
                        } else {
                            extensions.put(name, text);
                        }
                    }
                }
            }
        }
        if (dataStart >= 0) {
            data = slice(json, dataStart, parser.currentTokenLocation().getByteOffset());
        }
        if (inline && base64) {
            throw new InvalidEventException(path + ".data", "the event has both data and data_base64; send one");
        }
        return toEvent(attributes, extensions, version, data, dataText, path);
    }

    private static Event toEvent(Map<String, String> attributes, Map<String, String> extensions,
            @Nullable Integer version, byte @Nullable [] data, @Nullable String dataText, String path) {
        List<String> missing = new ArrayList<>();
        for (String required : List.of("specversion", "id", "source", "type")) {
            if (!attributes.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException(path + "." + missing.getFirst(), "not a CloudEvent: " + path + " has no "
                    + String.join(", ", missing) + "; every event has specversion \"1.0\", id, source and type");
        }
        if (!attributes.get("specversion").equals("1.0")) {
            throw new InvalidEventException(path + ".specversion", "specversion '" + attributes.get("specversion")
                    + "' is not supported; write \"1.0\"");
        }
        String contentType = attributes.get("datacontenttype");
        byte[] bytes = data == null ? new byte[0] : data;
        if (dataText != null && contentType != null && !isJson(contentType)) {
            bytes = dataText.getBytes(StandardCharsets.UTF_8); // text data under a non-JSON media type
        }
        String timeText = attributes.get("time");
        Instant time = timeText == null ? Instant.now() : time(timeText, path + ".time");
        try {
            return new Event(attributes.get("id"), attributes.get("source"), attributes.get("type"), time,
                    attributes.get("subject"), attributes.get("dataschema"), contentType,
                    attributes.get("partitionkey"), version == null ? 1 : version, attributes.get("correlationid"),
                    attributes.get("traceparent"), attributes.get("tracestate"), extensions, bytes);
        } catch (InvalidEventException e) {
            throw new InvalidEventException(path + "." + e.attribute(), path + "." + e.attribute() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isAttribute(String name) {
        return switch (name) {
            case "specversion", "id", "source", "type", "time", "subject", "dataschema", "datacontenttype",
                    "partitionkey", "correlationid", "traceparent", "tracestate" -> true;
            default -> false;
        };
    }

    private static @Nullable String scalar(JsonParser parser, JsonToken value, String path) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> throw new InvalidEventException(path, path + " is a JSON " + (value == JsonToken.START_ARRAY
                    ? "array" : "object") + "; event attributes are strings (extensions may also be numbers or"
                    + " booleans), and structured values belong in data");
        };
    }

    private static int version(JsonParser parser, JsonToken value, String path) throws IOException {
        String text = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_STRING ? parser.getText() : "";
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long number = Long.parseLong(text);
            if (number >= 1 && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new InvalidEventException(path, path + " must be an integer from 1 to " + Integer.MAX_VALUE
                + ", the schema version of the event's type, not " + (value.isScalarValue() ? parser.getText()
                        : "a JSON " + (value == JsonToken.START_ARRAY ? "array" : "object")));
    }

    private static Instant time(String text, String path) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(path, path + " '" + text + "' is not an RFC 3339 time; write e.g."
                    + " 2024-05-01T12:30:00.123456789Z", e);
        }
    }

    /** The bytes from {@code start} up to the next member or the object's end, without the comma and whitespace between. */
    private static byte[] slice(byte[] json, long start, long nextToken) {
        int end = (int) nextToken;
        while (end > start && (isWhitespace(json[end - 1]) || json[end - 1] == ',')) {
            end--;
        }
        byte[] bytes = new byte[end - (int) start];
        System.arraycopy(json, (int) start, bytes, 0, bytes.length);
        return bytes;
    }

    private static void expect(boolean condition, String path, String rule) {
        if (!condition) {
            throw new InvalidEventException(path, "not a CloudEvents JSON document at " + path + ": " + rule);
        }
    }

    private static String at(@Nullable JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
