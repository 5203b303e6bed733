package io.tributary.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON lines the admin commands print: objects built as trees, written compactly on one line (a line
 * break inside a string is written {@code \n}, so one object is always one line). Stateless, thread-safe.
 */
public final class JsonLine {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonLine() {
    }

    /** An empty object to fill. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code node} on one line, without the line break. */
    public static String of(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
