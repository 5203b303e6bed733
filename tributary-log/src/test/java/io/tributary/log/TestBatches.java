package io.tributary.log;

import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds small batches of string values for tests. */
public final class TestBatches {

    private TestBatches() {
    }

    /** A batch of one record per value, timestamp {@code timestamp}. */
    public static RecordBatch of(long timestamp, String... values) {
        BatchBuilder builder = BatchBuilder.create();
        for (String value : values) {
            builder.add(Record.of(value.getBytes(StandardCharsets.UTF_8), timestamp));
        }
        return builder.build();
    }

    /** A batch of one record per value, timestamped now (so default retention keeps it). */
    public static RecordBatch of(String... values) {
        return of(System.currentTimeMillis(), values);
    }

    /** A batch of {@code count} values of {@code size} bytes each. */
    public static RecordBatch sized(int count, int size) {
        BatchBuilder builder = BatchBuilder.create();
        for (int i = 0; i < count; i++) {
            builder.add(Record.of(new byte[size], System.currentTimeMillis()));
        }
        return builder.build();
    }

    /** A batch from an idempotent producer. */
    public static RecordBatch idempotent(long producerId, short epoch, int baseSequence, String... values) {
        BatchBuilder builder = BatchBuilder.create().producer(producerId, epoch, baseSequence);
        for (String value : values) {
            builder.add(Record.of(value.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()));
        }
        return builder.build();
    }

    /** A fresh, writable copy of a batch (appends write their base offset into the bytes). */
    public static RecordBatch copyOf(RecordBatch batch) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(batch.sizeInBytes());
        bytes.put(batch.buffer()).flip();
        return RecordBatch.wrap(bytes);
    }

    /** The values of a batch's records, as strings. */
    public static List<String> values(RecordBatch batch) {
        return batch.records().stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }
}
