package io.tributary.client.internal;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.client.SendResult;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A record in the producer, from {@code sendAsync} until its future completes, with the caller's
 * reference and the bytes it holds of the buffer. Completing twice is harmless (the first wins).
 *
 * @param <T> type of the caller's reference
 */
final class PendingRecord<T> {

    /** Bytes a record adds to a batch beyond its key, value and headers (length varints, deltas). */
    static final int OVERHEAD_BYTES = 24;

    final Record record;
    final @Nullable T reference;
    final CompletableFuture<SendResult<T>> future = new CompletableFuture<>();
    /** What the record holds of the producer's buffer, an estimate of its encoded size. */
    final int bytes;
    /** When the record must be acknowledged by, in ticker nanoseconds. */
    final long deadlineNanos;

    PendingRecord(Record record, @Nullable T reference, long deadlineNanos) {
        this.record = record;
        this.reference = reference;
        this.bytes = estimateSize(record);
        this.deadlineNanos = deadlineNanos;
    }

    void succeed(String topic, int partition, long offset) {
        future.complete(new SendResult<>(topic, partition, offset, reference));
    }

    void fail(Throwable error) {
        future.completeExceptionally(error);
    }

    /** The record's size in a batch, a little over rather than under. */
    static int estimateSize(Record record) {
        long size = OVERHEAD_BYTES + record.value().length + (record.key() == null ? 0 : record.key().length);
        for (Header header : record.headers()) {
            size += 8 + header.name().length() * 3L + header.value().length;
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
