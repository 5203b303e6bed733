package io.tributary.broker.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.log.AckLevel;
import io.tributary.protocol.message.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /topics/{topic}/events}: publishes CloudEvents 1.0 in the structured JSON mode, one event
 * ({@value #STRUCTURED}) or a batch ({@value #BATCH}, an array).
 *
 * <p>Each event becomes one record: the value is the event's JSON (compact), the key is its
 * {@code partitionkey} extension, else its {@code subject}, else none, and the headers {@code ce_type},
 * {@code ce_id} and {@code ce_source} copy those attributes so that consumers can filter without
 * parsing the value. The record's timestamp is the time the broker received the event. The answer is
 * the one {@code POST /topics/{topic}/records} gives.
 */
final class EventsHandler implements RouteHandler {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    static final String SPEC_VERSION = "1.0";

    private final PartitionedAppender appender;
    private final InstantSource clock;

    EventsHandler(PartitionedAppender appender, InstantSource clock) {
        this.appender = appender;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) throws Exception {
        String topic = request.pathParameter("topic");
        List<JsonObject> events = events(request);
        long now = clock.millis();
        List<PartitionedAppender.Outgoing> records = new ArrayList<>(events.size());
        for (JsonObject event : events) {
            records.add(new PartitionedAppender.Outgoing(toRecord(event, now), null));
        }
        return Response.ok(new PublishHandler.Published(appender.append(topic, records, AckLevel.COMMITTED, "events")));
    }

    private static List<JsonObject> events(Request request) throws Exception {
        String mediaType = request.mediaType();
        if (mediaType.equals(STRUCTURED)) {
            return List.of(JsonObject.of(request.json(), ""));
        }
        if (!mediaType.equals(BATCH)) {
            throw new ApiException(415, ErrorCode.INVALID_REQUEST, "Content-Type "
                    + (mediaType.isEmpty() ? "is missing" : "'" + mediaType + "' is not accepted")
                    + "; send one event as " + STRUCTURED + " or an array of events as " + BATCH);
        }
        JsonNode batch = request.json();
        if (!batch.isArray()) {
            throw ApiException.badRequest("a " + BATCH + " body must be an array of events, was "
                    + JsonObject.describe(batch));
        }
        if (batch.isEmpty()) {
            throw ApiException.badRequest("the batch is empty; send at least one event");
        }
        List<JsonObject> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            events.add(JsonObject.of(batch.get(i), "events[" + i + "]"));
        }
        return events;
    }

    private static Record toRecord(JsonObject event, long now) {
        String specVersion = required(event, "specversion");
        if (!specVersion.equals(SPEC_VERSION)) {
            throw ApiException.badRequest(label(event) + " has specversion \"" + specVersion + "\"; only CloudEvents \""
                    + SPEC_VERSION + "\" is accepted");
        }
        String id = required(event, "id");
        String source = required(event, "source");
        String type = required(event, "type");
        String partitionKey = event.text("partitionkey");
        String key = partitionKey != null ? partitionKey : event.text("subject");
        List<Header> headers = List.of(header("ce_type", type), header("ce_id", id), header("ce_source", source));
        return new Record(key == null ? null : key.getBytes(StandardCharsets.UTF_8), headers, Json.write(event.node()), now);
    }

    /** A required attribute: a string that is present and not empty. */
    private static String required(JsonObject event, String attribute) {
        String value = event.text(attribute);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(label(event) + " is missing the required attribute '" + attribute
                    + "' (CloudEvents 1.0 requires specversion, id, source and type)");
        }
        return value;
    }

    /** How messages name an event: its place in the batch, or "the event". */
    private static String label(JsonObject event) {
        return event.path().isEmpty() ? "the event" : event.path();
    }

    private static Header header(String name, String value) {
        return new Header(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
