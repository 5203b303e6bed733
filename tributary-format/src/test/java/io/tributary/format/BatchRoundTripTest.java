package io.tributary.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Record;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What a reader gets back from any batch a builder made, whatever the records and the codec. */
class BatchRoundTripTest {

    @Property(tries = 60)
    void build_thenRecords_returnsTheSameRecords(@ForAll("recordLists") List<Record> records,
            @ForAll CompressionCodec codec) {
        RecordBatch wrapped = RecordBatch.wrap(BatchBytes.copyOf(build(records, codec)));

        assertThat(wrapped.records()).containsExactlyElementsOf(records);
    }

    @Property(tries = 60)
    void build_writesAHeaderThatDescribesTheRecords(@ForAll("recordLists") List<Record> records,
            @ForAll CompressionCodec codec) {
        RecordBatch batch = build(records, codec);
        BatchHeader header = RecordBatch.wrap(batch.buffer()).header();

        assertThat(header).isEqualTo(batch.header());
        assertThat(header.baseOffset()).isZero();
        assertThat(header.sizeInBytes()).isEqualTo(batch.sizeInBytes());
        assertThat(header.formatVersion()).isEqualTo(BatchHeader.CURRENT_FORMAT_VERSION);
        assertThat(header.compression()).isEqualTo(codec);
        assertThat(header.recordCount()).isEqualTo(records.size());
        assertThat(header.lastOffsetDelta()).isEqualTo(records.size() - 1);
        assertThat(header.firstTimestamp()).isEqualTo(records.getFirst().timestamp());
        assertThat(header.maxTimestamp()).isEqualTo(records.stream().mapToLong(Record::timestamp).max().orElseThrow());
        assertThat(header.producerId()).isEqualTo(BatchHeader.NO_PRODUCER_ID);
        assertThat(header.producerEpoch()).isEqualTo(BatchHeader.NO_PRODUCER_EPOCH);
        assertThat(header.baseSequence()).isEqualTo(BatchHeader.NO_SEQUENCE);
        assertThat(batch.isValid()).isTrue();
    }

    @Property(tries = 30)
    void build_withProducer_writesTheProducerFields(@ForAll("recordLists") List<Record> records,
            @ForAll @LongRange(min = 0) long producerId, @ForAll @IntRange(min = 0, max = Short.MAX_VALUE) int epoch,
            @ForAll @IntRange(min = 0) int baseSequence) {
        BatchBuilder builder = BatchBuilder.create().producer(producerId, (short) epoch, baseSequence);
        records.forEach(builder::add);
        BatchHeader header = RecordBatch.wrap(builder.build().buffer()).header();

        assertThat(header.producerId()).isEqualTo(producerId);
        assertThat(header.producerEpoch()).isEqualTo((short) epoch);
        assertThat(header.baseSequence()).isEqualTo(baseSequence);
        assertThat(header.hasProducerId()).isTrue();
    }

    @Property(tries = 30)
    void assignBaseOffset_keepsTheChecksumValidAndMovesEveryOffset(@ForAll("recordLists") List<Record> records,
            @ForAll CompressionCodec codec, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long baseOffset) {
        RecordBatch batch = RecordBatch.wrap(BatchBytes.copyOf(build(records, codec)));

        batch.assignBaseOffset(baseOffset);

        assertThat(batch.isValid()).isTrue();
        assertThat(batch.baseOffset()).isEqualTo(baseOffset);
        assertThat(batch.header().baseOffset()).isEqualTo(baseOffset);
        assertThat(batch.lastOffset()).isEqualTo(baseOffset + records.size() - 1);
        assertThat(RecordBatch.wrap(batch.buffer()).baseOffset()).isEqualTo(baseOffset);
        assertThat(batch.records()).containsExactlyElementsOf(records);
    }

    @Provide
    Arbitrary<List<Record>> recordLists() {
        return RecordArbitraries.recordLists();
    }

    private static RecordBatch build(List<Record> records, CompressionCodec codec) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        records.forEach(builder::add);
        return builder.build();
    }
}
