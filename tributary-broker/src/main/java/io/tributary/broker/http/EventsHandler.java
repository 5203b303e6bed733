package io.tributary.broker.http;

import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.event.InvalidEventException;
import io.tributary.json.CloudEventsJson;
import io.tributary.log.AckLevel;
import io.tributary.protocol.message.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /topics/{topic}/events}: publishes CloudEvents 1.0 sent in structured mode, one event
 * ({@value CloudEventsJson#CONTENT_TYPE}) or a batch ({@value CloudEventsJson#BATCH_CONTENT_TYPE}, an array),
 * read by {@link CloudEventsJson}.
 *
 * <p>Each event is stored as one record in CloudEvents binary mode ({@link EventRecords#toRecord}, decision
 * 0009): key = {@code partitionkey} (none when absent: round robin), value = {@code data} as sent, timestamp
 * = {@code time}, headers {@code ce_*} and {@code content-type}. The answer is the one
 * {@code POST /topics/{topic}/records} gives. Every event is validated before anything is stored; an invalid
 * one is a 400 naming the attribute, in a batch as {@code events[1].time}.
 */
final class EventsHandler implements RouteHandler {

    /** The JSON paths of {@link InvalidEventException#attribute()}: {@code $}, {@code $.time}, {@code $[3].type}. */
    private static final Pattern BATCH_PATH = Pattern.compile("\\$\\[(\\d+)]");
    private static final Pattern ROOT_PATH = Pattern.compile("\\$\\.?");

    private final PartitionedAppender appender;

    EventsHandler(PartitionedAppender appender) {
        this.appender = appender;
    }

    @Override
    public Response handle(Request request) throws Exception {
        String topic = request.pathParameter("topic");
        List<Event> events = events(request);
        List<PartitionedAppender.Outgoing> records = new ArrayList<>(events.size());
        for (Event event : events) {
            records.add(new PartitionedAppender.Outgoing(EventRecords.toRecord(event), null));
        }
        return Response.ok(new PublishHandler.Published(appender.append(topic, records, AckLevel.COMMITTED, "events")));
    }

    private static List<Event> events(Request request) throws Exception {
        String mediaType = request.mediaType();
        boolean batch = mediaType.equals(CloudEventsJson.BATCH_CONTENT_TYPE);
        if (!batch && !mediaType.equals(CloudEventsJson.CONTENT_TYPE)) {
            throw new ApiException(415, ErrorCode.INVALID_REQUEST, "Content-Type "
                    + (mediaType.isEmpty() ? "is missing" : "'" + mediaType + "' is not accepted")
                    + "; send one event as " + CloudEventsJson.CONTENT_TYPE + " or an array of events as "
                    + CloudEventsJson.BATCH_CONTENT_TYPE);
        }
        byte[] body = request.body();
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; send " + (batch ? "a JSON array of events"
                    : "one event as a JSON object"));
        }
        try {
            List<Event> events = batch ? CloudEventsJson.fromJsonBatch(body) : List.of(CloudEventsJson.fromJson(body));
            if (events.isEmpty()) {
                throw ApiException.badRequest("the batch is empty; send at least one event");
            }
            return events;
        } catch (InvalidEventException e) {
            throw invalid(e, batch);
        }
    }

    /**
     * A 400 naming the offending attribute the way the rest of the API names request parts: {@code 'source'}
     * for one event, {@code 'events[1].id'} in a batch; the JSON paths in the parser's message are renamed
     * alike ({@code $[1]} becomes {@code events[1]}, {@code $} the event or the batch).
     */
    static ApiException invalid(InvalidEventException e, boolean batch) {
        String whole = batch ? "the batch" : "the event";
        String path = e.attribute();
        String attribute = path.equals("$") ? "" : rename(path, batch, "");
        String reason = e.getMessage();
        if (reason.startsWith(path + ": ")) {
            reason = reason.substring(path.length() + 2); // the parser prefixed the path we name anyway
        }
        reason = rename(reason, batch, whole);
        return ApiException.badRequest((attribute.isEmpty() ? whole : "'" + attribute + "'") + " is invalid: " + reason);
    }

    /** {@code text} with the JSON paths renamed; {@code whole} replaces {@code $} on its own. */
    private static String rename(String text, boolean batch, String whole) {
        String renamed = batch
                ? BATCH_PATH.matcher(text).replaceAll(match -> Matcher.quoteReplacement("events[" + match.group(1) + "]"))
                : text;
        return ROOT_PATH.matcher(renamed).replaceAll(match -> match.group().equals("$") ? Matcher.quoteReplacement(whole) : "");
    }
}
