package io.tributary.internal.file;

import io.tributary.StartPosition;
import io.tributary.api.Record;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.service.BrokerService;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.event.InvalidEventException;
import io.tributary.format.RecordBatch;
import io.tributary.internal.Fetched;
import io.tributary.internal.PartitionReader;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition of the embedded log for one subscription: long polls through
 * {@link BrokerService#read}, decodes the committed batches and turns their records into events.
 *
 * <p>Records that are not events ({@link EventRecords#isEvent} false: written by a plain producer) are
 * skipped, and so are events that do not decode (logged as a WARN naming the offset); the position moves
 * past both. A read below the log start (retention deleted the segment) jumps to the log start. A read
 * returns whole batches, so it may return more events than asked for: the rest is kept for the next
 * call. Every call hands out fresh arrays.
 *
 * <p>Used by one thread at a time (the subscription's feed). {@link #next} blocks for up to its wait and
 * is interruptible.
 */
final class LogPartitionReader implements PartitionReader {

    private static final Logger LOG = LoggerFactory.getLogger(LogPartitionReader.class);
    /** Bytes one read asks for: about a feed's batch of 1 KiB events. */
    static final int MAX_READ_BYTES = 1 << 20;
    /** How much longer than the long poll {@link #next} waits for the log's answer before giving up on it. */
    private static final Duration READ_GRACE = Duration.ofSeconds(10);

    private final BrokerService service;
    private final String topic;
    private final int partition;
    /** Offset to read next from the log; events before it are buffered or handed out. */
    private long position;

    /** Decoded events not handed out yet: {@code buffered[bufferedFrom..bufferedCount)}. */
    private Event[] bufferedEvents = new Event[0];
    private long[] bufferedOffsets = new long[0];
    private int bufferedFrom;
    private int bufferedCount;

    private LogPartitionReader(BrokerService service, String topic, int partition, long position) {
        this.service = service;
        this.topic = topic;
        this.partition = partition;
        this.position = position;
    }

    /**
     * A reader at {@code start}: {@code earliest} is the log start, {@code latest} the committed end, an
     * offset is clamped into that range, and a time is found by scanning the partition from its start (see
     * {@link #firstAtOrAfter}).
     */
    static LogPartitionReader open(BrokerService service, String topic, int partition, StartPosition start) {
        PartitionState state = service.state(topic, partition);
        long position = switch (start) {
            case StartPosition.Earliest earliest -> state.logStartOffset();
            case StartPosition.Latest latest -> state.committedEndOffset();
            case StartPosition.AtOffset at -> Math.clamp(at.offset(), state.logStartOffset(), state.committedEndOffset());
            case StartPosition.AtTime at -> firstAtOrAfter(service, topic, partition, at.time(), state);
        };
        return new LogPartitionReader(service, topic, partition, position);
    }

    @Override
    public Fetched next(int maxEvents, Duration wait) throws InterruptedException {
        if (bufferedFrom == bufferedCount) {
            fill(wait);
        }
        return takeBuffered(maxEvents);
    }

    @Override
    public long position() {
        return bufferedFrom < bufferedCount ? bufferedOffsets[bufferedFrom] : position;
    }

    /** Reads the next batches into the buffer (possibly none). */
    private void fill(Duration wait) throws InterruptedException {
        ReadResult result = await(service.read(topic, partition, position, MAX_READ_BYTES, wait), wait.plus(READ_GRACE));
        switch (result) {
            case ReadResult.Records records -> decode(records);
            case ReadResult.BelowLogStart below -> {
                LOG.info("{}/{}: offset {} was deleted by retention; reading on from the log start {}", topic, partition,
                        position, below.logStartOffset());
                position = below.logStartOffset();
            }
            case ReadResult.NoRecords none -> {
                // nothing committed past the position yet
            }
        }
    }

    private void decode(ReadResult.Records records) {
        List<RecordBatch> batches = batchesOf(records);
        int capacity = 0;
        for (RecordBatch batch : batches) {
            capacity += batch.recordCount();
        }
        Event[] events = new Event[capacity];
        long[] offsets = new long[capacity];
        int count = 0;
        for (RecordBatch batch : batches) {
            batch.ensureValid();
            List<Record> decoded = batch.records();
            for (int i = 0; i < decoded.size(); i++) {
                long offset = batch.baseOffset() + i;
                @Nullable Event event = offset < position ? null : eventOf(decoded.get(i), offset);
                if (event != null) {
                    events[count] = event;
                    offsets[count] = offset;
                    count++;
                }
            }
        }
        bufferedEvents = events;
        bufferedOffsets = offsets;
        bufferedFrom = 0;
        bufferedCount = count;
        position = Math.max(position, records.nextOffset());
    }

    private Fetched takeBuffered(int maxEvents) {
        int count = Math.min(maxEvents, bufferedCount - bufferedFrom);
        if (count <= 0) {
            return Fetched.none(position);
        }
        Event[] events = Arrays.copyOfRange(bufferedEvents, bufferedFrom, bufferedFrom + count);
        long[] offsets = Arrays.copyOfRange(bufferedOffsets, bufferedFrom, bufferedFrom + count);
        bufferedFrom += count;
        long next = bufferedFrom < bufferedCount ? bufferedOffsets[bufferedFrom] : position;
        if (bufferedFrom == bufferedCount) { // let the decoded events go
            bufferedEvents = new Event[0];
            bufferedOffsets = new long[0];
            bufferedFrom = bufferedCount = 0;
        }
        return new Fetched(events, offsets, count, next);
    }

    /** The event {@code record} stores, or null when it is none (skipped). */
    private @Nullable Event eventOf(Record record, long offset) {
        if (!EventRecords.isEvent(record)) {
            return null;
        }
        try {
            return EventRecords.toEvent(record);
        } catch (InvalidEventException e) {
            LOG.warn("{}/{}: skipping the record at offset {}: it claims to be an event but is not a valid one: {}",
                    topic, partition, offset, e.getMessage());
            return null;
        }
    }

    /**
     * The offset of the first event whose time is at or after {@code time}, or the committed end when
     * there is none. A scan: reads the partition from its start, skipping whole batches whose newest
     * record timestamp (milliseconds) is before {@code time}, and decodes the others. Costs one read of the
     * partition up to the first match; fine for the bus's replay-from-a-time use, not for hot paths.
     */
    private static long firstAtOrAfter(BrokerService service, String topic, int partition, Instant time,
            PartitionState state) {
        long floorMillis = time.getEpochSecond() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
                : time.getEpochSecond() <= Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : time.toEpochMilli();
        long position = state.logStartOffset();
        long end = state.committedEndOffset();
        LogPartitionReader scanner = new LogPartitionReader(service, topic, partition, position);
        while (position < end) {
            ReadResult result = service.read(topic, partition, position, MAX_READ_BYTES, Duration.ZERO).join();
            switch (result) {
                case ReadResult.BelowLogStart below -> position = below.logStartOffset();
                case ReadResult.NoRecords none -> {
                    return end;
                }
                case ReadResult.Records records -> {
                    for (RecordBatch batch : scanner.batchesOf(records)) {
                        if (batch.lastOffset() < position || batch.header().maxTimestamp() < floorMillis) {
                            continue; // every event in it is older: an event's time is within its record's millisecond
                        }
                        List<Record> decoded = batch.records();
                        for (int i = 0; i < decoded.size(); i++) {
                            long offset = batch.baseOffset() + i;
                            @Nullable Event event = offset < position ? null : scanner.eventOf(decoded.get(i), offset);
                            if (event != null && !event.time().isBefore(time)) {
                                return offset;
                            }
                        }
                    }
                    position = records.nextOffset();
                }
            }
        }
        return end;
    }

    private List<RecordBatch> batchesOf(ReadResult.Records records) {
        try {
            return records.slice().batches();
        } catch (IOException e) {
            // e.g. retention deleted the segment under the slice: the feed retries and reads again
            throw new UncheckedIOException("cannot read " + topic + "/" + partition + " at offset " + position, e);
        }
    }

    private ReadResult await(CompletableFuture<ReadResult> read, Duration limit) throws InterruptedException {
        try {
            return read.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new ReadResult.NoRecords(position);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("reading " + topic + "/" + partition + " failed", cause);
        }
    }

    @Override
    public String toString() {
        return "LogPartitionReader[" + topic + "/" + partition + " at " + position + "]";
    }
}
