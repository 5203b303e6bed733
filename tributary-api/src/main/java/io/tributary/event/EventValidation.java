package io.tributary.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@link Event}'s attributes, in one place. Every failure is an {@link InvalidEventException}
 * whose message names the attribute, the rule and the way out. The limits are the public constants of
 * {@link Event}.
 */
final class EventValidation {

    /** Attribute names an extension must not take: the CloudEvents core attributes and Tributary's own. */
    static final Set<String> RESERVED_NAMES = Set.of("specversion", "id", "source", "type", "time", "subject",
            "dataschema", "datacontenttype", "data", "partitionkey", "version", "correlationid", "traceparent",
            "tracestate");

    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1," + Event.MAX_EXTENSION_NAME_LENGTH + "}");
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\\s*;.*)?", Pattern.DOTALL);
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String TYPE_RULE = "use tokens of A-Z, a-z, 0-9, '_' and '-' separated by '.' or ':'"
            + " (no empty tokens, at most " + Event.MAX_TYPE_LENGTH + " characters), e.g. order.created or"
            + " billing:invoice.paid";

    private EventValidation() {}

    /** Checks every attribute but the extensions and data, which the record copies first (see {@link #extensions}). */
    static void attributes(@Nullable String id, @Nullable String source, @Nullable String type, @Nullable Instant time,
            @Nullable String subject, @Nullable String dataschema, @Nullable String datacontenttype,
            @Nullable String partitionkey, int version, @Nullable String correlationid, @Nullable String traceparent,
            @Nullable String tracestate) {
        id(id);
        required("source", source, Event.MAX_ATTRIBUTE_LENGTH,
                "name the producing service, e.g. billing-service, or leave it unset for the default of "
                        + Event.DEFAULT_SOURCE.name());
        type(type);
        time(time);
        optional("subject", subject, Event.MAX_ATTRIBUTE_LENGTH);
        dataschema(dataschema);
        datacontenttype(datacontenttype);
        optional("partitionkey", partitionkey, Event.MAX_ATTRIBUTE_LENGTH);
        if (version < 1) {
            throw new InvalidEventException("version", "event version " + version + " is out of range:"
                    + " use 1 (the default) or higher; it is the schema version of the event's type");
        }
        optional("correlationid", correlationid, Event.MAX_ATTRIBUTE_LENGTH);
        traceparent(traceparent);
        optional("tracestate", tracestate, Event.MAX_TRACESTATE_LENGTH);
    }

    static byte[] data(byte @Nullable [] data) {
        if (data == null) {
            throw new InvalidEventException("data", "event data is null: use an empty array for an event without data");
        }
        return data;
    }

    /** Validates {@code extensions} and returns an unmodifiable copy sorted by name. */
    static SortedMap<String, String> extensions(@Nullable Map<String, String> extensions) {
        if (extensions == null) {
            throw new InvalidEventException("extensions", "event extensions are null: use an empty map");
        }
        if (extensions.isEmpty()) {
            return Collections.emptySortedMap(); // most events: no map built per event
        }
        if (extensions.size() > Event.MAX_EXTENSIONS) {
            long deadLetter = extensions.keySet().stream()
                    .filter(name -> name != null && name.startsWith(Event.DEAD_LETTER_PREFIX)).count();
            if (extensions.size() - deadLetter > Event.MAX_EXTENSIONS) {
                throw new InvalidEventException("extensions", "event has " + (extensions.size() - deadLetter)
                        + " extension attributes, more than the limit of " + Event.MAX_EXTENSIONS + "; move the rest into data");
            }
            if (deadLetter > Event.MAX_DEAD_LETTER_EXTENSIONS) {
                throw new InvalidEventException("extensions", "event has " + deadLetter + " extension attributes named "
                        + Event.DEAD_LETTER_PREFIX + "*, more than the limit of " + Event.MAX_DEAD_LETTER_EXTENSIONS
                        + "; the prefix is for the attributes Tributary gives dead letters");
            }
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : extensions.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            extensionName(name);
            if (value == null) {
                throw new InvalidEventException(name, "extension '" + name + "' has no value: give a string (empty"
                        + " allowed) or leave the extension out");
            }
            limit(name, value, Event.MAX_ATTRIBUTE_LENGTH);
            copy.put(name, value);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    static boolean isValidType(@Nullable String type) {
        if (type == null || type.isEmpty() || type.length() > Event.MAX_TYPE_LENGTH) {
            return false;
        }
        boolean tokenEmpty = true;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '.' || c == ':') {
                if (tokenEmpty) {
                    return false;
                }
                tokenEmpty = true;
            } else if (isTokenChar(c)) {
                tokenEmpty = false;
            } else {
                return false;
            }
        }
        return !tokenEmpty;
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    static void extensionName(@Nullable String name) {
        if (name == null || !EXTENSION_NAME.matcher(name).matches()) {
            throw new InvalidEventException(String.valueOf(name), "extension name '" + name + "' is invalid: use 1 to "
                    + Event.MAX_EXTENSION_NAME_LENGTH + " characters of a-z and 0-9 (the CloudEvents attribute"
                    + " naming rule), e.g. tenant or region");
        }
        if (RESERVED_NAMES.contains(name)) {
            throw new InvalidEventException(name, "extension name '" + name + "' is reserved for the event attribute"
                    + " of that name: set it with the builder's own method instead of extension(...)");
        }
    }

    private static void id(@Nullable String id) {
        if (id == null || id.isEmpty() || id.length() > Event.MAX_ID_LENGTH) {
            throw new InvalidEventException("id", "event id " + describe(id) + " is invalid: leave it unset to get a"
                    + " UUIDv7, or give 1 to " + Event.MAX_ID_LENGTH + " characters that are unique per source");
        }
        wellFormed("id", id);
    }

    private static void type(@Nullable String type) {
        if (!isValidType(type)) {
            throw new InvalidEventException("type", "event type " + describe(type) + " is invalid: " + TYPE_RULE);
        }
    }

    private static void time(@Nullable Instant time) {
        if (time == null) {
            throw new InvalidEventException("time", "event time is missing: leave it unset in the builder to get the"
                    + " current time, or give one");
        }
        if (time.isBefore(Event.MIN_TIME) || time.isAfter(Event.MAX_TIME)) {
            throw new InvalidEventException("time", "event time " + time + " is out of range: RFC 3339 writes years"
                    + " 0000 to 9999 only; give a time between " + Event.MIN_TIME + " and " + Event.MAX_TIME);
        }
    }

    private static void dataschema(@Nullable String dataschema) {
        optional("dataschema", dataschema, Event.MAX_ATTRIBUTE_LENGTH);
        if (dataschema != null) {
            try {
                new URI(dataschema);
            } catch (URISyntaxException e) {
                throw new InvalidEventException("dataschema", "event dataschema '" + dataschema + "' is not a URI ("
                        + e.getReason() + " at index " + e.getIndex() + "): give the schema's URI, e.g."
                        + " https://schemas.example.com/order-created/2", e);
            }
        }
    }

    private static void datacontenttype(@Nullable String contentType) {
        optional("datacontenttype", contentType, Event.MAX_ATTRIBUTE_LENGTH);
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            throw new InvalidEventException("datacontenttype", "event datacontenttype '" + contentType + "' is not"
                    + " a media type: write type/subtype with optional parameters, e.g. application/json or"
                    + " text/plain; charset=utf-8");
        }
    }

    private static void traceparent(@Nullable String traceparent) {
        if (traceparent == null) {
            return;
        }
        var matcher = TRACEPARENT.matcher(traceparent);
        if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')
                || matcher.group(2).chars().allMatch(c -> c == '0')) {
            throw new InvalidEventException("traceparent", "event traceparent '" + traceparent + "' is invalid: use"
                    + " the W3C Trace Context form 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>, lower-case,"
                    + " ids not all zero, e.g. 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }
    }

    private static void required(String attribute, @Nullable String value, int maxLength, String wayOut) {
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException(attribute, "event " + attribute + " is " + (value == null ? "missing" : "empty")
                    + ": " + wayOut);
        }
        limit(attribute, value, maxLength);
    }

    private static void optional(String attribute, @Nullable String value, int maxLength) {
        if (value != null && value.isEmpty()) {
            throw new InvalidEventException(attribute, "event " + attribute + " is empty: leave it unset (null) when"
                    + " there is none; present attributes are never empty");
        }
        if (value != null) {
            limit(attribute, value, maxLength);
        }
    }

    private static void limit(String attribute, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidEventException(attribute, "event " + attribute + " is " + value.length() + " characters"
                    + " long, more than the limit of " + maxLength + "; shorten it or move it into data");
        }
        wellFormed(attribute, value);
    }

    /** Attributes travel as UTF-8; a lone surrogate cannot, and would not survive the round trip. */
    private static void wellFormed(String attribute, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEventException(attribute, "event " + attribute + " has an unpaired surrogate"
                        + " character at index " + i + ", which UTF-8 cannot encode; fix the string's encoding");
            }
        }
    }

    private static String describe(@Nullable String value) {
        if (value == null) {
            return "(missing)";
        }
        return value.length() > 80 ? "'" + value.substring(0, 80) + "…' (" + value.length() + " characters)" : "'" + value + "'";
    }
}
