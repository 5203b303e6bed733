package io.tributary.client;

import io.tributary.api.Record;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records to one topic in batches: concurrent callers' records are coalesced per partition and a
 * batch leaves when it is full ({@link ProducerOptions#batchBytes()}) or has waited
 * {@link ProducerOptions#linger()}. Records with a key go to the partition their murmur2 hash selects;
 * records without one fill the batch of a partition that changes each time a batch leaves.
 *
 * <p><b>Ordering and duplicates.</b> Records of one partition are appended in the order they were sent.
 * Transient failures (connection lost, leader moved, timeouts) are retried with exponential backoff
 * within {@link ProducerOptions#deliveryTimeout()}. With {@link ProducerOptions#idempotent()} (the
 * default) every batch carries a random 63-bit producer id and per-partition sequence numbers, so the
 * log recognises a retried batch it already holds and answers with the original offsets: no duplicates.
 *
 * <p><b>Bounds.</b> Unacknowledged records take at most {@link ProducerOptions#bufferBytes()}; a send
 * beyond it waits or fails with {@link BatcherFullException} ({@link ProducerOptions#whenFull()}). At
 * most {@link ProducerOptions#maxInFlightBatches()} batches per partition are in flight.
 *
 * <p><b>Threads.</b> Thread-safe. One sender thread (virtual) builds and sends batches; the futures of
 * {@link #sendAsync} complete on that thread, so stages attached with non-async methods run there and
 * delay other records: keep them short or use the {@code *Async} variants with an executor.
 */
public interface Producer extends AutoCloseable {

    /** The topic this producer sends to. */
    String topic();

    /**
     * Sends a record and blocks until it is acknowledged (committed, or written when
     * {@link ProducerOptions#waitForCommit()} is off).
     *
     * @return where the record landed
     * @throws BatcherFullException    if the buffer is full and the record could not wait
     * @throws BatcherClosedException  if the producer is closed
     * @throws TimedOutException       if the record was not acknowledged within the delivery timeout
     * @throws RecordTooLargeException if the record exceeds a limit
     * @throws io.tributary.api.TributaryException for a failure that retrying cannot fix
     */
    SendResult<Void> send(Record record);

    /**
     * Queues a record for sending. Returns once the record is in the buffer (this may wait for room,
     * see {@link ProducerOptions#whenFull()}).
     *
     * @return a future completed with where the record landed, or failed with the exceptions that
     *         {@link #send} throws
     * @throws BatcherFullException   if the buffer is full and the record could not wait
     * @throws BatcherClosedException if the producer is closed
     */
    CompletableFuture<SendResult<Void>> sendAsync(Record record);

    /**
     * As {@link #sendAsync(Record)}, with a reference of the caller's that the result carries back (an
     * id, a message to acknowledge upstream).
     */
    <T> CompletableFuture<SendResult<T>> sendAsync(Record record, T reference);

    /**
     * Sends every buffered record now, without waiting for linger, and blocks until all records sent
     * before this call are acknowledged or failed.
     */
    void flush();

    /**
     * Stops accepting records, sends what it can within {@code timeout}, and fails the records still
     * unacknowledged then with {@link BatcherClosedException}. Blocks until done. Idempotent.
     */
    void close(Duration timeout);

    /** {@link #close(Duration)} with the delivery timeout. */
    @Override
    void close();
}
