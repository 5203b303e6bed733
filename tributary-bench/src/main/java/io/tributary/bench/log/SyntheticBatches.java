package io.tributary.bench.log;

import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import java.util.SplittableRandom;

/**
 * Uncompressed batches of random, keyless records for the benchmarks.
 *
 * <p>A batch is sized by its <em>payload</em> (the sum of record values), not by its encoded size:
 * {@code batchPayloadBytes / recordSize} records, so records per batch, and therefore the conversion
 * from batches/s to records/s and payload MB/s, are exact and do not depend on the format's per-record
 * overhead (a header per batch, a few varint bytes per record). 64 KiB of payload gives 655 records of
 * 100 B (65,500 B) or 64 records of 1 KiB (65,536 B).
 */
final class SyntheticBatches {

    /** Payload per batch of the benchmarks: a producer batch of a busy topic (Kafka's is 16 KiB–1 MiB). */
    static final int BATCH_PAYLOAD_BYTES = 64 * 1024;

    private SyntheticBatches() {
    }

    /** Records in a batch of {@code batchPayloadBytes} made of {@code recordSize}-byte values; at least one. */
    static int recordsPerBatch(int recordSize, int batchPayloadBytes) {
        if (recordSize < 1) {
            throw new IllegalArgumentException("record size must be at least 1 byte, was " + recordSize);
        }
        return Math.max(1, batchPayloadBytes / recordSize);
    }

    /**
     * Builds one batch of {@link #recordsPerBatch} records with random values (random so that nothing
     * downstream can profit from repetition), timestamped now.
     */
    static RecordBatch build(int recordSize, int batchPayloadBytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long now = System.currentTimeMillis();
        BatchBuilder builder = BatchBuilder.create();
        for (int i = recordsPerBatch(recordSize, batchPayloadBytes); i > 0; i--) {
            byte[] value = new byte[recordSize];
            random.nextBytes(value);
            builder.add(Record.of(value, now));
        }
        return builder.build();
    }
}
