package io.tributary.broker.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.log.AckLevel;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /topics/{topic}/records}: publishes JSON records.
 *
 * <pre>{@code
 * {"records": [{"key": "k", "value": {"any": "json"}, "headers": {"h": "v"}, "partition": 0}],
 *  "waitForCommit": true}
 * }</pre>
 *
 * A string value is stored as its UTF-8 bytes, any other JSON value as its compact JSON text;
 * {@code "valueEncoding": "base64"} (and {@code keyEncoding}) sends binary data. The answer lists
 * where each record landed, in request order: {@code {"offsets":[{"partition":0,"offset":12}]}}.
 */
final class PublishHandler implements RouteHandler {

    private static final Set<String> BODY_FIELDS = Set.of("records", "waitForCommit");
    private static final Set<String> RECORD_FIELDS = Set.of("key", "keyEncoding", "value", "valueEncoding", "headers",
            "partition", "timestamp");

    private final PartitionedAppender appender;
    private final InstantSource clock;

    PublishHandler(PartitionedAppender appender, InstantSource clock) {
        this.appender = appender;
        this.clock = clock;
    }

    /** The answer: where each record landed, in request order. */
    record Published(List<PartitionedAppender.Placement> offsets) {
    }

    @Override
    public Response handle(Request request) throws Exception {
        String topic = request.pathParameter("topic");
        JsonObject body = request.jsonObject().onlyFields(BODY_FIELDS);
        List<JsonNode> items = body.array("records");
        if (items.isEmpty()) {
            throw ApiException.badRequest("'records' is empty; send at least one record");
        }
        AckLevel ackLevel = body.bool("waitForCommit", true) ? AckLevel.COMMITTED : AckLevel.WRITTEN;
        long now = clock.millis();
        List<PartitionedAppender.Outgoing> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            records.add(parse(JsonObject.of(items.get(i), "records[" + i + "]").onlyFields(RECORD_FIELDS), now));
        }
        return Response.ok(new Published(appender.append(topic, records, ackLevel, "records")));
    }

    private static PartitionedAppender.Outgoing parse(JsonObject json, long now) {
        byte @Nullable [] key = null;
        String keyText = json.text("key");
        if (keyText != null) {
            key = TextEncoding.named(json.text("keyEncoding"), json.pathOf("keyEncoding")).decode(keyText, json.pathOf("key"));
        }
        Integer partition = json.integer("partition");
        if (partition != null && partition < 0) {
            throw ApiException.badRequest("'" + json.pathOf("partition") + "' must be 0 or more, was " + partition);
        }
        Long timestamp = json.longValue("timestamp");
        if (timestamp != null && timestamp < 0) {
            throw ApiException.badRequest("'" + json.pathOf("timestamp") + "' is milliseconds since the epoch, 0 or more; was "
                    + timestamp);
        }
        Record record = new Record(key, headers(json), value(json), timestamp == null ? now : timestamp);
        return new PartitionedAppender.Outgoing(record, partition);
    }

    private static byte[] value(JsonObject json) {
        JsonNode value = json.get("value");
        if (value == null) {
            throw ApiException.badRequest("'" + json.pathOf("value") + "' is required");
        }
        TextEncoding encoding = TextEncoding.named(json.text("valueEncoding"), json.pathOf("valueEncoding"));
        if (value.isTextual()) {
            return encoding.decode(value.textValue(), json.pathOf("value"));
        }
        if (encoding == TextEncoding.BASE64) {
            throw ApiException.badRequest("'" + json.pathOf("value") + "' must be a base64 string when valueEncoding is "
                    + "base64, was " + JsonObject.describe(value));
        }
        return Json.write(value);
    }

    private static List<Header> headers(JsonObject json) {
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : json.textMap("headers").entrySet()) {
            if (header.getKey().isEmpty()) {
                throw ApiException.badRequest("'" + json.pathOf("headers") + "' has a header with an empty name");
            }
            headers.add(new Header(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }
}
