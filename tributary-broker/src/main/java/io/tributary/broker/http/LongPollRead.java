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
import java.util.function.Predicate;

/**
 * The read both read endpoints share ({@code .../records} and {@code .../events}): committed records of
 * one partition from an offset, waiting up to {@code waitMs} (a long poll, at most {@link #MAX_WAIT}) when
 * there is nothing yet. The endpoints differ only in which records they take and how they show them.
 *
 * <p>Query parameters: {@code offset} (required), {@code maxRecords} (default {@value #DEFAULT_MAX_RECORDS},
 * at most {@value #MAX_RECORDS}), {@code maxBytes} (default {@value #DEFAULT_MAX_BYTES}), {@code waitMs}
 * (default 0). The page holds at most {@code maxRecords} records that the endpoint's filter takes, from
 * {@code offset} on (records of the first batch below it are skipped), and {@code nextOffset}, the offset
 * to ask for next: after the last record looked at, taken or not; the log start offset when {@code offset}
 * is below it (retention deleted those records, and the page is empty); {@code offset} itself when nothing
 * arrived in time. {@code maxBytes} bounds the batches of one read, but at least one whole batch is always
 * read, so one large batch never blocks a reader.
 *
 * <p>A long poll waits for a record the filter <em>takes</em>: when every record that arrived is filtered
 * out, it reads on from after them for the rest of {@code waitMs}, so a reader of {@code order.*} is not
 * woken by every other event. When the API closes, waiting reads answer at once with what they have.
 * Thread-safe; each call blocks its (virtual) thread.
 */
final class LongPollRead {

    static final int DEFAULT_MAX_RECORDS = 100;
    static final int MAX_RECORDS = 10_000;
    static final int DEFAULT_MAX_BYTES = 1 << 20;
    static final int MAX_BYTES = RecordBatch.MAX_UNCOMPRESSED_BYTES;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final BrokerService service;
    private final CompletableFuture<Void> closing;

    /** @param closing completes when the API closes, ending every wait */
    LongPollRead(BrokerService service, CompletableFuture<Void> closing) {
        this.service = service;
        this.closing = closing;
    }

    /** A record the read took, at its offset. */
    record Taken(long offset, Record record) {
    }

    /**
     * What one read found.
     *
     * @param taken              the records the filter took, in offset order
     * @param nextOffset         the offset to ask for next
     * @param logStartOffset     the first offset the partition still stores, after the read
     * @param committedEndOffset the offset the next committed record gets, after the read
     */
    record Page(List<Taken> taken, long nextOffset, long logStartOffset, long committedEndOffset) {
    }

    /**
     * Reads the partition of the request's path ({@code {topic}}, {@code {partition}}) with the request's
     * query parameters, taking the records {@code filter} accepts.
     *
     * @throws ApiException 400 for a parameter out of range or an offset past the partition's end; the
     *                      broker's failures (unknown topic or partition, too many waiting reads) as thrown
     *                      by {@link BrokerService}
     */
    Page read(Request request, Predicate<Record> filter) throws Exception {
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
        List<Taken> taken = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        long next = offset;
        Duration left = wait;
        while (true) {
            Step step = readOnce(source, next, maxRecords, maxBytes, left, filter, taken);
            next = step.nextOffset();
            left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            // Records arrived but the filter took none: wait on for one it takes, as long as the client asked.
            if (!step.lookedAtRecords() || !taken.isEmpty() || left.isZero() || closing.isDone()) {
                break;
            }
        }
        PartitionState after = source.state();
        return new Page(taken, next, after.logStartOffset(), after.committedEndOffset());
    }

    /** Where one read of the log ended, and whether it found records at or after its offset. */
    private record Step(long nextOffset, boolean lookedAtRecords) {
    }

    /** Adds the records read and taken to {@code into}. */
    private Step readOnce(Partition source, long offset, int maxRecords, int maxBytes, Duration wait,
            Predicate<Record> filter, List<Taken> into) throws Exception {
        ReadResult result = await(source.read(offset, maxBytes, wait), offset);
        int takenBefore = into.size();
        for (int attempt = 0; ; attempt++) {
            switch (result) {
                case ReadResult.BelowLogStart below -> {
                    return new Step(below.logStartOffset(), false);
                }
                case ReadResult.NoRecords none -> {
                    return new Step(offset, false);
                }
                case ReadResult.Records found -> {
                    try {
                        long next = collect(found, offset, maxRecords, filter, into);
                        return new Step(next, next > offset);
                    } catch (ClosedChannelException e) {
                        if (attempt > 0) {
                            throw e;
                        }
                        // Retention deleted the segment after the read found it: read again, without waiting.
                        into.subList(takenBefore, into.size()).clear();
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

    private static long collect(ReadResult.Records found, long offset, int maxRecords, Predicate<Record> filter,
            List<Taken> into) throws IOException {
        long lastSeen = -1;
        for (RecordBatch batch : found.slice().batches()) {
            List<Record> records = batch.records();
            for (int i = 0; i < records.size(); i++) {
                long recordOffset = batch.baseOffset() + i;
                if (recordOffset < offset) {
                    continue;
                }
                lastSeen = recordOffset;
                if (filter.test(records.get(i))) {
                    into.add(new Taken(recordOffset, records.get(i)));
                    if (into.size() == maxRecords) {
                        return recordOffset + 1;
                    }
                }
            }
        }
        return lastSeen < 0 ? Math.max(offset, found.nextOffset()) : lastSeen + 1;
    }
}
