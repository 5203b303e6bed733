package io.tributary.internal.remote;

import io.tributary.StartPosition;
import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import io.tributary.event.Event;
import io.tributary.event.EventRecords;
import io.tributary.event.InvalidEventException;
import io.tributary.internal.Fetched;
import io.tributary.internal.PartitionReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition of a server's topic with long polls ({@link TributaryClient#read}), for one
 * subscription feed.
 *
 * <p><b>Start positions.</b> {@code earliest} is the partition's log start offset, {@code latest} its
 * committed end offset when the reader opens, an offset is clamped between the two. A time is found by
 * a <em>scan</em>: the reader starts at the log start and drops the events before the time until the
 * first event at or after it, or until the end offset of when it opened (then it delivers everything
 * that follows, as {@code mem:} does). The server has no index by time, so a subscription from a time
 * reads the partition's whole retained history once.
 *
 * <p><b>Records that are not events</b> (written by a plain client) are skipped; so are records that
 * claim to be events but break a rule, with a warning. Either way the offset moves past them.
 *
 * <p><b>Retention.</b> A read below the log start ({@code OFFSET_OUT_OF_RANGE}, the records were
 * deleted while the subscription was behind) moves the reader to the log start, with a warning naming
 * how many offsets it lost.
 *
 * <p><b>Failures</b> other than those propagate; the feed retries with a growing pause. That includes
 * the retriable {@code TOO_MANY_WAITING_READS} of a server whose partition already has
 * {@code tributary.log.max-read-waiters} long polls: the feed pauses instead of asking again at once.
 *
 * <p><b>Interruption.</b> A read blocks in the client on interruptible waits (the answer future, a
 * retry sleep, a poll connection permit; socket I/O on the feed's virtual thread), so interrupting the
 * feed ends {@link #next} at once with {@link InterruptedException}. Without an interrupt a read takes
 * at most {@code wait} plus the client's call timeout.
 *
 * <p><b>Connections.</b> Each long poll borrows a connection of the client's own for its wait; the
 * client lends at most {@code ConnectionPool.MAX_POLL_CONNECTIONS_PER_NODE} (32) per node at once, so a
 * bus with more partition feeds than that on one node has the others queue for a connection (each
 * wait is short: the feed polls for half a second at a time).
 *
 * <p>Used by one thread at a time.
 */
final class RemotePartitionReader implements PartitionReader {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePartitionReader.class);

    private final TributaryClient client;
    private final String topic;
    private final int partition;
    private long next;
    /** While scanning for a start time: events before it are dropped; null once found. */
    private @Nullable Instant seekTime;
    /** The scan for {@link #seekTime} ends here: the end offset when the reader opened. */
    private final long seekUntil;

    private RemotePartitionReader(TributaryClient client, String topic, int partition, long next,
            @Nullable Instant seekTime, long seekUntil) {
        this.client = client;
        this.topic = topic;
        this.partition = partition;
        this.next = next;
        this.seekTime = seekTime;
        this.seekUntil = seekUntil;
    }

    /** A reader positioned at {@code start}; asks the server for the partition's offsets. */
    static RemotePartitionReader open(TributaryClient client, String topic, int partition, StartPosition start) {
        long logStart = logStartOffset(client, topic, partition);
        long end = Math.max(logStart, client.endOffset(topic, partition));
        return switch (start) {
            case StartPosition.Earliest earliest -> new RemotePartitionReader(client, topic, partition, logStart, null, 0);
            case StartPosition.Latest latest -> new RemotePartitionReader(client, topic, partition, end, null, 0);
            case StartPosition.AtOffset at -> new RemotePartitionReader(client, topic, partition,
                    Math.clamp(at.offset(), logStart, end), null, 0);
            case StartPosition.AtTime at -> new RemotePartitionReader(client, topic, partition, logStart,
                    logStart < end ? at.time() : null, end);
        };
    }

    @Override
    public Fetched next(int maxEvents, Duration wait) throws InterruptedException {
        ReadResult read;
        try {
            read = client.read(topic, partition, next, maxEvents, wait);
        } catch (BrokerErrorException e) {
            throwIfInterrupted(e);
            if (!e.errorCode().equals("OFFSET_OUT_OF_RANGE")) {
                throw e;
            }
            return skipToLogStart(e);
        } catch (TributaryException e) {
            throwIfInterrupted(e);
            throw e;
        }
        return events(read);
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public String toString() {
        return "reader of " + topic + "/" + partition + " at " + next;
    }

    private Fetched events(ReadResult read) {
        List<Record> records = read.records();
        Event[] events = new Event[records.size()];
        long[] offsets = new long[records.size()];
        int count = 0;
        for (int i = 0; i < records.size(); i++) {
            long offset = read.offsetOf(i);
            Event event = eventOrNull(records.get(i), offset);
            if (event == null) {
                continue;
            }
            if (seekTime != null) {
                if (offset < seekUntil && event.time().isBefore(seekTime)) {
                    continue;
                }
                seekTime = null;
            }
            events[count] = event;
            offsets[count++] = offset;
        }
        next = read.nextOffset();
        if (seekTime != null && next >= seekUntil) {
            seekTime = null;
        }
        return count == 0 ? Fetched.none(next) : new Fetched(events, offsets, count, next);
    }

    private @Nullable Event eventOrNull(Record record, long offset) {
        if (!EventRecords.isEvent(record)) {
            return null; // a plain record: not for a bus
        }
        try {
            return EventRecords.toEvent(record);
        } catch (InvalidEventException e) {
            LOG.warn("skipping the record at {}/{}@{}: it is not a valid event: {}", topic, partition, offset,
                    e.getMessage());
            return null;
        }
    }

    private Fetched skipToLogStart(BrokerErrorException outOfRange) {
        long logStart = logStartOffset(client, topic, partition);
        if (next >= logStart) {
            throw outOfRange; // past the end instead: nothing to skip to; the feed retries
        }
        LOG.warn("{}/{}: offsets {} to {} were deleted (retention) before this subscription read them; going on at {}",
                topic, partition, next, logStart - 1, logStart);
        next = logStart;
        return Fetched.none(next);
    }

    /** The client turns an interrupt into an exception and sets the flag again; turn it back. */
    private static void throwIfInterrupted(TributaryException e) throws InterruptedException {
        if (Thread.interrupted()) {
            InterruptedException interrupted = new InterruptedException("interrupted while reading");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private static long logStartOffset(TributaryClient client, String topic, int partition) {
        TopicDescription description = client.describeTopics(topic).getFirst();
        return description.partitions().stream().filter(p -> p.partition() == partition).findFirst()
                .map(TopicDescription.Partition::logStartOffset)
                .orElseThrow(() -> new TributaryException("topic " + topic + " on " + client.connectionString()
                        + " has no partition " + partition + "; it has " + description.partitions().size()));
    }
}
