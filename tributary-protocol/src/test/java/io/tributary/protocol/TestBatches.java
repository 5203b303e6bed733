package io.tributary.protocol;

import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import java.nio.charset.StandardCharsets;

/** Small batches of string values for example tests (as tributary-log's test fixture of the same name). */
final class TestBatches {

    private static final long TIMESTAMP = 1_750_000_000_000L;

    private TestBatches() {
    }

    /** An uncompressed batch of one record per value, base offset 0, writable. */
    static RecordBatch of(String... values) {
        BatchBuilder builder = BatchBuilder.create();
        for (String value : values) {
            builder.add(Record.of(value.getBytes(StandardCharsets.UTF_8), TIMESTAMP));
        }
        return builder.build();
    }
}
