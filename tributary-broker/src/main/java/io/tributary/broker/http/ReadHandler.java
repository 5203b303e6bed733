package io.tributary.broker.http;

import io.tributary.api.Record;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.service.BrokerService;
import io.tributary.format.RecordBatch;
import io.tributary.log.ReadResult;
import io.tributary.protocol.message.ErrorCode;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /topics/{topic}/partitions/{partition}/records?offset=N&maxRecords=100&maxBytes=1048576&waitMs=0}:
 * committed records from an offset, waiting up to {@code waitMs} (a long poll, at most {@link #MAX_WAIT})
 * when there are none yet.
 *
 * <p>The answer holds at most {@code maxRecords} records from {@code offset} on (records of the first
 * batch below it are skipped) and {@code nextOffset}, the offset to ask for next: after the last record
 * returned; the log start offset when {@code offset} is below it (retention deleted those records, and
 * the answer is empty); {@code offset} itself when nothing arrived in time. {@code maxBytes} bounds the
 * batches read, but at least one whole batch is always returned, so one large batch never blocks a
 * reader. When the API closes, waiting reads answer at once with no records.
 */
final class ReadHandler implements RouteHandler {

    static final int DEFAULT_MAX_RECORDS = 100;
    static final int MAX_RECORDS = 10_000;
    static final int DEFAULT_MAX_BYTES = 1 << 20;
    static final int MAX_BYTES = RecordBatch.MAX_UNCOMPRESSED_BYTES;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final BrokerService service;
    private final CompletableFuture<Void> closing;

    /** @param closing completes when the API closes, ending every wait */
    ReadHandler(BrokerService service, CompletableFuture<Void> closing) {
        this.service = service;
        this.closing = closing;
    }

    /** The answer. */
    record Records(List<RecordView> records, long nextOffset, long logStartOffset, long committedEndOffset) {
    }

    @Override
    public Response handle(Request request) throws Exception {
        String topic = request.pathParameter("topic");
        int partition = request.intPathParameter("partition");
        long offset = request.requiredQueryLong("offset", 0, Long.MAX_VALUE);
        int maxRecords = (int) request.queryLong("maxRecords", DEFAULT_MAX_RECORDS, 1, MAX_RECORDS);
        int maxBytes = (int) request.queryLong("maxBytes", DEFAULT_MAX_BYTES, 1, MAX_BYTES);
        Duration wait = Duration.ofMillis(Math.min(request.queryLong("waitMs", 0, 0, Long.MAX_VALUE), MAX_WAIT.toMillis()));

        Partition source = service.partition(topic, partition);
        PartitionState before = source.state();
        if (offset > before.endOffset()) {
            throw new ApiException(400, ErrorCode.OFFSET_OUT_OF_RANGE, "offset " + offset + " is past the end of " + topic
                    + "-" + partition + ", whose next offset is " + before.endOffset() + "; read from "
                    + before.committedEndOffset() + " or lower");
        }
        List<RecordView> records = new ArrayList<>();
        long nextOffset = read(source, offset, maxRecords, maxBytes, wait, records);
        PartitionState after = source.state();
        return Response.ok(new Records(records, nextOffset, after.logStartOffset(), after.committedEndOffset()));
    }

    /** Adds the records read to {@code into} and returns the next offset. */
    private long read(Partition source, long offset, int maxRecords, int maxBytes, Duration wait,
            List<RecordView> into) throws Exception {
        ReadResult result = await(source.read(offset, maxBytes, wait), offset);
        for (int attempt = 0; ; attempt++) {
            switch (result) {
                case ReadResult.BelowLogStart below -> {
                    return below.logStartOffset();
                }
                case ReadResult.NoRecords none -> {
                    return offset;
                }
                case ReadResult.Records found -> {
                    try {
                        return collect(found, offset, maxRecords, into);
                    } catch (ClosedChannelException e) {
                        if (attempt > 0) {
                            throw e;
                        }
                        // Retention deleted the segment after the read found it: read again, without waiting.
                        into.clear();
                        result = await(source.read(offset, maxBytes, Duration.ZERO), offset);
                    }
                }
            }
        }
    }

    /** The read's result, or no records when the API closes first. */
    private ReadResult await(CompletableFuture<ReadResult> read, long offset) throws Exception {
        CompletableFuture.anyOf(read, closing).get();
        if (!read.isDone()) {
            read.cancel(false);
            return new ReadResult.NoRecords(offset);
        }
        return read.get();
    }

    private static long collect(ReadResult.Records found, long offset, int maxRecords, List<RecordView> into)
            throws IOException {
        for (RecordBatch batch : found.slice().batches()) {
            List<Record> records = batch.records();
            for (int i = 0; i < records.size(); i++) {
                long recordOffset = batch.baseOffset() + i;
                if (recordOffset < offset) {
                    continue;
                }
                into.add(RecordView.of(recordOffset, records.get(i)));
                if (into.size() == maxRecords) {
                    return recordOffset + 1;
                }
            }
        }
        return into.isEmpty() ? Math.max(offset, found.nextOffset()) : into.getLast().offset() + 1;
    }
}
