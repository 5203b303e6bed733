package io.tributary.test;

import io.tributary.event.Event;
import io.tributary.event.EventDataCodec;
import io.tributary.event.EventDataException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * "Data containing" for JSON data: the expected entries are present in the event's data decoded as a JSON
 * object, nested objects compared the same way, other values by equality. Both sides go through the codec
 * of the classpath ({@link EventDataCodec#discovered()}, Jackson with {@code tributary-json}), so
 * {@code 42}, {@code 42L} and the JSON number {@code 42} are the same.
 */
final class JsonData {

    private final Map<?, ?> expected;
    private final String expectedJson;

    private JsonData(Map<?, ?> expected, String expectedJson) {
        this.expected = expected;
        this.expectedJson = expectedJson;
    }

    /**
     * @throws IllegalArgumentException if the codec cannot write {@code expected} as a JSON object
     */
    static JsonData containing(Map<String, ?> expected) {
        Objects.requireNonNull(expected, "expected");
        try {
            EventDataCodec codec = EventDataCodec.discovered();
            byte[] json = codec.encode(expected);
            return new JsonData((Map<?, ?>) codec.decode(json, Object.class), new String(json, StandardCharsets.UTF_8));
        } catch (EventDataException | ClassCastException e) {
            throw new IllegalArgumentException("cannot compare event data with " + expected + ": " + e.getMessage(), e);
        }
    }

    String expectedJson() {
        return expectedJson;
    }

    boolean isContainedIn(Event event) {
        Map<?, ?> actual = decode(event);
        return actual != null && contains(actual, expected);
    }

    /** Why {@code event}'s data does not contain the expected entries, e.g. {@code data has "id":41, lacks "item"}. */
    String mismatch(Event event) {
        Map<?, ?> actual = decode(event);
        if (actual == null) {
            return event.data().length == 0 ? "no data" : "data that is not a JSON object";
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<?, ?> entry : expected.entrySet()) {
            if (!actual.containsKey(entry.getKey())) {
                differences.add("lacks \"" + entry.getKey() + "\"");
            } else if (!contains(actual.get(entry.getKey()), entry.getValue())) {
                differences.add("has \"" + entry.getKey() + "\":" + actual.get(entry.getKey()));
            }
        }
        return "data " + String.join(", ", differences);
    }

    private static @Nullable Map<?, ?> decode(Event event) {
        if (event.data().length == 0) {
            return null;
        }
        try {
            return EventDataCodec.discovered().decode(event.data(), Object.class) instanceof Map<?, ?> map ? map : null;
        } catch (EventDataException e) {
            return null;
        }
    }

    private static boolean contains(@Nullable Object actual, @Nullable Object expected) {
        if (actual instanceof Map<?, ?> actualMap && expected instanceof Map<?, ?> expectedMap) {
            return expectedMap.entrySet().stream().allMatch(entry -> actualMap.containsKey(entry.getKey())
                    && contains(actualMap.get(entry.getKey()), entry.getValue()));
        }
        return Objects.equals(actual, expected);
    }
}
