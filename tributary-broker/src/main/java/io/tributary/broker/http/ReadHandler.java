package io.tributary.broker.http;

import java.util.List;

/**
 * {@code GET /topics/{topic}/partitions/{partition}/records?offset=N&maxRecords=100&maxBytes=1048576&waitMs=0}:
 * committed records from an offset, every record as it is stored ({@link RecordView}). Parameters, long
 * poll and {@code nextOffset} are those of {@link LongPollRead}, which this endpoint shares with
 * {@link EventsReadHandler}.
 */
final class ReadHandler implements RouteHandler {

    private final LongPollRead reads;

    ReadHandler(LongPollRead reads) {
        this.reads = reads;
    }

    /** The answer. */
    record Records(List<RecordView> records, long nextOffset, long logStartOffset, long committedEndOffset) {
    }

    @Override
    public Response handle(Request request) throws Exception {
        LongPollRead.Page page = reads.read(request, record -> true);
        List<RecordView> records = page.taken().stream()
                .map(taken -> RecordView.of(taken.offset(), taken.record()))
                .toList();
        return Response.ok(new Records(records, page.nextOffset(), page.logStartOffset(), page.committedEndOffset()));
    }
}
