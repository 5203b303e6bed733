package io.tributary.event;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps an {@link Event} to the {@link Record} that stores it and back, in CloudEvents binary mode with the
 * header names of the CloudEvents Kafka protocol binding (decision 0009):
 * <table>
 *   <caption>Where each attribute goes</caption>
 *   <tr><th>Event</th><th>Record</th></tr>
 *   <tr><td>{@code partitionkey}</td><td>key, UTF-8; {@code null} when absent</td></tr>
 *   <tr><td>{@code data}</td><td>value</td></tr>
 *   <tr><td>{@code time}</td><td>timestamp in milliseconds, and header {@code ce_time} in RFC 3339 with every
 *       digit of the nanoseconds, which is what is read back</td></tr>
 *   <tr><td>{@code datacontenttype}</td><td>header {@code content-type}</td></tr>
 *   <tr><td>every other attribute and each extension {@code x}</td><td>header {@code ce_<name>}, e.g.
 *       {@code ce_id}, {@code ce_version}, {@code ce_x}; plus {@code ce_specversion = 1.0}</td></tr>
 * </table>
 * Header values are UTF-8 text; absent attributes have no header. Headers are written in a fixed order
 * (specversion, id, source, type, time, subject, dataschema, content-type, version, correlationid,
 * traceparent, tracestate, extensions by name), so {@code toEvent(toRecord(e)).equals(e)} and a record
 * written by {@link #toRecord} maps back to an equal record.
 *
 * <p>Reading is lenient where CloudEvents is: a record without {@code ce_time} takes its timestamp as the
 * time, one without {@code ce_version} has version 1, and headers without the {@code ce_} prefix (other
 * than {@code content-type}) are ignored. Stateless and thread-safe.
 */
public final class EventRecords {

    /** The CloudEvents version written to {@code ce_specversion} and the only one read. */
    public static final String SPEC_VERSION = "1.0";

    private static final String PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final String SPECVERSION = "ce_specversion";
    private static final String ID = "ce_id";
    private static final String SOURCE = "ce_source";
    private static final String TYPE = "ce_type";
    private static final String VERSION = "ce_version";
    private static final List<String> REQUIRED = List.of(SPECVERSION, ID, SOURCE, TYPE);
    private static final byte[] SPEC_VERSION_BYTES = SPEC_VERSION.getBytes(StandardCharsets.UTF_8);

    private EventRecords() {}

    /** The record that stores {@code event}; its value is {@code event.data()} itself, not a copy. */
    public static Record toRecord(Event event) {
        List<Header> headers = new ArrayList<>(8 + event.extensions().size());
        headers.add(new Header(SPECVERSION, SPEC_VERSION_BYTES));
        add(headers, ID, event.id());
        add(headers, SOURCE, event.source());
        add(headers, TYPE, event.type());
        add(headers, "ce_time", formatTime(event.time()));
        add(headers, "ce_subject", event.subject());
        add(headers, "ce_dataschema", event.dataschema());
        add(headers, CONTENT_TYPE, event.datacontenttype());
        add(headers, VERSION, Integer.toString(event.version()));
        add(headers, "ce_correlationid", event.correlationid());
        add(headers, "ce_traceparent", event.traceparent());
        add(headers, "ce_tracestate", event.tracestate());
        event.extensions().forEach((name, value) -> add(headers, PREFIX + name, value));
        byte[] key = event.partitionkey() == null ? null : event.partitionkey().getBytes(StandardCharsets.UTF_8);
        return new Record(key, headers, event.data(), event.time().toEpochMilli());
    }

    /**
     * The event that {@code record} stores; its data is the record's value itself, not a copy.
     *
     * @throws InvalidEventException when the record is not an event (the message lists the missing
     *                               headers), an attribute appears twice, a header is not UTF-8 or an
     *                               attribute breaks its rule; {@link InvalidEventException#attribute()}
     *                               names the header
     */
    public static Event toEvent(Record record) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String name = header.name();
            if (name.startsWith(PREFIX) || name.equals(CONTENT_TYPE)) {
                if (attributes.put(name, utf8(name, header.value())) != null) {
                    throw new InvalidEventException(name, "record has the header " + name + " more than once; an"
                            + " event carries each attribute once");
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !attributes.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidEventException(missing.getFirst(), "record is not an event: it has no "
                    + String.join(", ", missing) + " header" + (missing.size() > 1 ? "s" : "") + ". Events carry "
                    + String.join(", ", REQUIRED) + " (CloudEvents Kafka binding); write them with"
                    + " EventRecords.toRecord, or read this topic as plain records");
        }
        String specversion = attributes.remove(SPECVERSION);
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException(SPECVERSION, "record has " + SPECVERSION + " '" + specversion + "'; only"
                    + " CloudEvents " + SPEC_VERSION + " is supported");
        }
        String timeText = attributes.remove("ce_time");
        Instant time = timeText == null ? Instant.ofEpochMilli(record.timestamp()) : parseTime("ce_time", timeText);
        String versionText = attributes.remove(VERSION);
        int version = versionText == null ? 1 : parseVersion(versionText);
        String partitionkey = record.key() == null ? null : utf8("key", record.key());
        String id = attributes.remove(ID);
        String source = attributes.remove(SOURCE);
        String type = attributes.remove(TYPE);
        String subject = attributes.remove("ce_subject");
        String dataschema = attributes.remove("ce_dataschema");
        String datacontenttype = attributes.remove(CONTENT_TYPE);
        String correlationid = attributes.remove("ce_correlationid");
        String traceparent = attributes.remove("ce_traceparent");
        String tracestate = attributes.remove("ce_tracestate");
        Map<String, String> extensions = new HashMap<>();
        attributes.forEach((name, value) -> extensions.put(name.substring(PREFIX.length()), value));
        try {
            return new Event(id, source, type, time, subject, dataschema, datacontenttype, partitionkey, version,
                    correlationid, traceparent, tracestate, extensions, record.value());
        } catch (InvalidEventException e) {
            String header = headerOf(e.attribute());
            throw new InvalidEventException(header, "record header " + header + " does not hold a valid event"
                    + " attribute: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code record} is meant as an event: it has the headers of the four attributes CloudEvents
     * requires, {@code ce_specversion}, {@code ce_id}, {@code ce_source} and {@code ce_type}. Their values are
     * not checked; {@link #toEvent} does that.
     */
    public static boolean isEvent(Record record) {
        int found = 0;
        for (Header header : record.headers()) {
            int index = REQUIRED.indexOf(header.name());
            if (index >= 0) {
                found |= 1 << index;
            }
        }
        return found == (1 << REQUIRED.size()) - 1;
    }

    /** {@link EventFilter#matches(Record)}: reads only the headers, decodes nothing else. */
    static boolean matches(Record record, EventFilter filter) {
        if (!isEvent(record)) {
            return false;
        }
        String type = null;
        int version = 1;
        for (Header header : record.headers()) {
            if (type == null && header.name().equals(TYPE)) {
                type = new String(header.value(), StandardCharsets.UTF_8);
            } else if (header.name().equals(VERSION)) {
                try {
                    version = parseVersion(new String(header.value(), StandardCharsets.UTF_8));
                } catch (InvalidEventException e) {
                    return false;
                }
            }
        }
        return type != null && filter.matches(type, version);
    }

    /** RFC 3339 in UTC with as many fraction digits as the instant needs (up to nine): lossless. */
    static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private static Instant parseTime(String header, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(header, "record header " + header + " '" + text + "' is not an RFC 3339"
                    + " time; write e.g. 2024-05-01T12:30:00.123456789Z", e);
        }
    }

    private static int parseVersion(String text) {
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new InvalidEventException(VERSION, "record header " + VERSION + " '" + text + "' is not a version:"
                + " write a decimal integer from 1 to " + Integer.MAX_VALUE);
    }

    private static String utf8(String header, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            String what = header.equals("key") ? "record key" : "record header " + header;
            throw new InvalidEventException(header, what + " is not UTF-8 text; event attributes are written as"
                    + " UTF-8 (a key of other bytes belongs to a plain record, not an event)", e);
        }
    }

    private static String headerOf(String attribute) {
        return switch (attribute) {
            case "partitionkey" -> "key";
            case "datacontenttype" -> CONTENT_TYPE;
            case "data" -> "value";
            case "extensions" -> "headers";
            default -> PREFIX + attribute;
        };
    }

    private static void add(List<Header> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.add(new Header(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
