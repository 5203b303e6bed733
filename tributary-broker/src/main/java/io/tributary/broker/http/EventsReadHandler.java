package io.tributary.broker.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.tributary.event.Event;
import io.tributary.event.EventFilter;
import io.tributary.event.EventRecords;
import io.tributary.event.InvalidEventException;
import io.tributary.event.TypePattern;
import io.tributary.json.CloudEventsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /topics/{topic}/partitions/{partition}/events?offset=N&types=order.*&version=2}: the events of a
 * partition from an offset, in CloudEvents structured mode. Parameters, long poll and {@code nextOffset} are
 * those of the records read ({@link LongPollRead}); {@code maxRecords} counts events answered.
 *
 * <p>Only records that are events ({@link EventRecords#isEvent}) and pass the filter
 * ({@code types}: a {@link TypePattern}, default every type; {@code version}: one version, default every
 * version) are answered; the filter reads the {@code ce_type} and {@code ce_version} headers alone. Skipped
 * records still move {@code nextOffset} on. A record that carries the event headers but does not hold a valid
 * event (written through the records endpoint by hand) is skipped too, with a warning in the broker's log.
 *
 * <p>The answer is an envelope, {@code {"events":[...],"offsets":[...],"nextOffset":N,"logStartOffset":L,
 * "committedEndOffset":C}}: {@code events} is exactly an {@value CloudEventsJson#BATCH_CONTENT_TYPE} document
 * (written by {@link CloudEventsJson}, so events keep every attribute and their data byte for byte) and
 * {@code offsets[i]} is the offset of {@code events[i]}. docs/http-api.md says why an envelope.
 */
final class EventsReadHandler implements RouteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventsReadHandler.class);

    private final LongPollRead reads;

    EventsReadHandler(LongPollRead reads) {
        this.reads = reads;
    }

    /**
     * The answer.
     *
     * @param events the events as a CloudEvents JSON batch (raw JSON, an array)
     * @param offsets the offset of each event, in the same order
     */
    record Events(@JsonRawValue String events, List<Long> offsets, long nextOffset, long logStartOffset,
            long committedEndOffset) {
    }

    @Override
    public Response handle(Request request) throws Exception {
        EventFilter filter = filter(request);
        LongPollRead.Page page = reads.read(request, filter::matches);
        List<Event> events = new ArrayList<>(page.taken().size());
        List<Long> offsets = new ArrayList<>(page.taken().size());
        for (LongPollRead.Taken taken : page.taken()) {
            try {
                events.add(EventRecords.toEvent(taken.record()));
                offsets.add(taken.offset());
            } catch (InvalidEventException e) {
                LOG.warn("{}-{} offset {} has event headers but is no valid event; events reads skip it: {}",
                        request.pathParameter("topic"), request.pathParameter("partition"), taken.offset(),
                        e.getMessage());
            }
        }
        return Response.ok(new Events(CloudEventsJson.toJsonBatch(events), offsets, page.nextOffset(),
                page.logStartOffset(), page.committedEndOffset()));
    }

    /** The filter of {@code ?types=} and {@code ?version=}; every event when both are absent. */
    private static EventFilter filter(Request request) {
        String types = request.queryText("types");
        TypePattern pattern;
        try {
            pattern = types == null ? TypePattern.all() : TypePattern.parse(types);
        } catch (InvalidEventException e) {
            throw ApiException.badRequest("query parameter types: " + e.getMessage());
        }
        long version = request.queryLong("version", 0, 1, Integer.MAX_VALUE);
        return new EventFilter(pattern, version == 0 ? OptionalInt.empty() : OptionalInt.of((int) version));
    }
}
