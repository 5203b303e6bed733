package io.tributary.broker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of a request, read field by field. Every error is a 400 that names the field by its
 * path from the body's root ({@code records[2].partition}), what it must be and what it was.
 *
 * @param node the object
 * @param path where it sits in the body; empty for the body itself
 */
record JsonObject(ObjectNode node, String path) {

    /**
     * {@code node} as an object.
     *
     * @throws ApiException 400 if it is not a JSON object
     */
    static JsonObject of(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return new JsonObject(object, path);
        }
        throw ApiException.badRequest((path.isEmpty() ? "the request body" : path) + " must be a JSON object, was "
                + describe(node));
    }

    /** @throws ApiException 400 naming a field that is not one of {@code known} (a typo would otherwise pass unseen) */
    JsonObject onlyFields(Set<String> known) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown field '" + pathOf(name) + "'; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** The field as sent (any JSON, {@code null} included), or Java {@code null} when absent. */
    @Nullable JsonNode get(String field) {
        return node.get(field);
    }

    /** A string field; {@code null} when absent or JSON null. */
    @Nullable String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw mustBe(field, "a string", value);
        }
        return value.textValue();
    }

    /** A string field that must be present and not empty. */
    String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("'" + pathOf(field) + "' is required" + (value == null ? "" : " and must not be empty"));
        }
        return value;
    }

    /** A whole-number field that fits an int; {@code null} when absent or JSON null. */
    @Nullable Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw mustBe(field, "a whole number", value);
        }
        return value.intValue();
    }

    /** A whole-number field that fits a long; {@code null} when absent or JSON null. */
    @Nullable Long longValue(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw mustBe(field, "a whole number", value);
        }
        return value.longValue();
    }

    /** A boolean field; {@code defaultValue} when absent or JSON null. */
    boolean bool(String field, boolean defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw mustBe(field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** An array field that must be present. */
    List<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'" + pathOf(field) + "' is required");
        }
        if (!value.isArray()) {
            throw mustBe(field, "an array", value);
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.elements().forEachRemaining(elements::add);
        return elements;
    }

    /**
     * An object field whose values are strings (numbers and booleans are taken as their text, so
     * {@code "partitions": 3} and {@code "partitions": "3"} mean the same); empty when absent.
     */
    Map<String, String> textMap(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        JsonObject object = of(value, pathOf(field));
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.node().properties()) {
            JsonNode item = entry.getValue();
            if (!item.isTextual() && !item.isNumber() && !item.isBoolean()) {
                throw object.mustBe(entry.getKey(), "a string", item);
            }
            map.put(entry.getKey(), item.asText());
        }
        return map;
    }

    /** The path of {@code field} inside this object. */
    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private ApiException mustBe(String field, String expected, JsonNode actual) {
        return ApiException.badRequest("'" + pathOf(field) + "' must be " + expected + ", was " + describe(actual));
    }

    /** A short description of a JSON value for error messages: its type and, for scalars, the value. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            case MISSING -> "nothing";
            case STRING -> "the string " + abbreviate(node.toString());
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + abbreviate(node.asText());
            case BINARY -> "binary data";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
