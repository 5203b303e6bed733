package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Record;
import io.tributary.client.ReadResult;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Trimming whole fetched batches to exactly the records asked for. */
class FetchedRecordsProperties {

    @Property
    void returnsTheRecordsFromTheOffset_atMostMaxRecords_andTheNextOffsetFollowsTheLast(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 5) Integer> batchSizes,
            @ForAll @IntRange(min = 0, max = 40) int offsetIntoLog,
            @ForAll @IntRange(min = 1, max = 12) int maxRecords) {
        List<RecordBatch> log = log(batchSizes);
        long end = log.getLast().lastOffset() + 1;
        long offset = Math.min(offsetIntoLog, end - 1);
        List<RecordBatch> fetched = log.stream().filter(batch -> batch.lastOffset() >= offset).toList();

        ReadResult read = FetchedRecords.trim(fetched, offset, maxRecords, end);

        int expected = (int) Math.min(maxRecords, end - offset);
        assertThat(read.records()).hasSize(expected);
        assertThat(read.firstOffset()).isEqualTo(offset);
        assertThat(read.nextOffset()).isEqualTo(offset + expected);
        for (int i = 0; i < expected; i++) {
            assertThat(valueOf(read.records().get(i))).isEqualTo(offset + i);
        }
    }

    @Example
    void noBatches_returnNothing_andTheNextOffsetIsTheOneAskedFor() {
        ReadResult read = FetchedRecords.trim(List.of(), 17, 10, 17);

        assertThat(read.isEmpty()).isTrue();
        assertThat(read.firstOffset()).isEqualTo(17);
        assertThat(read.nextOffset()).isEqualTo(17);
    }

    @Example
    void aGapBetweenBatches_endsTheResultBeforeIt_soOffsetsStayDense() {
        List<RecordBatch> batches = List.of(batch(0, 3), batch(10, 2));

        ReadResult read = FetchedRecords.trim(batches, 1, 100, 12);

        assertThat(read.records()).hasSize(2);
        assertThat(read.nextOffset()).isEqualTo(3);
    }

    /** Batches of the given sizes, back to back from offset 0; each record's value is its offset. */
    private static List<RecordBatch> log(List<Integer> sizes) {
        List<RecordBatch> batches = new ArrayList<>();
        long next = 0;
        for (int size : sizes) {
            batches.add(batch(next, size));
            next += size;
        }
        return batches;
    }

    private static RecordBatch batch(long baseOffset, int size) {
        BatchBuilder builder = BatchBuilder.create();
        for (int i = 0; i < size; i++) {
            builder.add(Record.of(ByteBuffer.allocate(8).putLong(baseOffset + i).array(), 1L));
        }
        RecordBatch batch = builder.build();
        batch.assignBaseOffset(baseOffset);
        return batch;
    }

    private static long valueOf(Record record) {
        return ByteBuffer.wrap(record.value()).getLong();
    }
}
