package io.tributary.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, readers fail with {@link CorruptBatchException} and nothing else: no buffer
 * exception, no {@link OutOfMemoryError}, no exception from a decompressor.
 */
class CorruptInputTest {

    @Property(tries = 60)
    void changingAnyByteFromTheChecksumOn_makesTheBatchInvalid(@ForAll("smallRecordLists") List<Record> records,
            @ForAll CompressionCodec codec, @ForAll int positionSeed, @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer bytes = BatchBytes.copyOf(build(records, codec));
        RecordBatch batch = RecordBatch.wrap(bytes);
        int position = BatchBytes.CRC_OFFSET + Math.floorMod(positionSeed, bytes.limit() - BatchBytes.CRC_OFFSET);

        bytes.put(position, (byte) (bytes.get(position) ^ flip));

        assertThat(batch.isValid()).isFalse();
        assertThatThrownBy(batch::ensureValid).isInstanceOf(CorruptBatchException.class);
    }

    @Property(tries = 200)
    void damagedBatches_failOnlyWithCorruptBatchException(@ForAll("smallRecordLists") List<Record> records,
            @ForAll CompressionCodec codec, @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer bytes = BatchBytes.copyOf(build(records, codec));
        for (int position : positions) {
            int index = position % bytes.limit();
            bytes.put(index, (byte) (bytes.get(index) ^ flip));
        }

        readFully(bytes);
    }

    @Property(tries = 200)
    void damagedRecordsUnderAValidChecksum_failOnlyWithCorruptBatchException(
            @ForAll("smallRecordLists") List<Record> records, @ForAll CompressionCodec codec,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer bytes = BatchBytes.copyOf(build(records, codec));
        int recordsLength = bytes.limit() - BatchHeader.SIZE;
        for (int position : positions) {
            int index = BatchHeader.SIZE + position % recordsLength;
            bytes.put(index, (byte) (bytes.get(index) ^ flip));
        }
        RecordBatch batch = RecordBatch.wrap(BatchBytes.resealed(bytes));

        assertThat(batch.isValid()).isTrue();
        decodeOrFailCleanly(batch);
    }

    @Property(tries = 100)
    void truncatedBatches_areRejectedByWrapAndSplitAll(@ForAll("smallRecordLists") List<Record> records,
            @ForAll CompressionCodec codec, @ForAll @IntRange(min = 1) int lengthSeed) {
        RecordBatch batch = build(records, codec);
        int length = lengthSeed % batch.sizeInBytes();

        assertThatThrownBy(() -> RecordBatch.wrap(BatchBytes.truncated(batch, length)))
                .isInstanceOf(CorruptBatchException.class);
        if (length > 0) {
            assertThatThrownBy(() -> RecordBatch.splitAll(BatchBytes.truncated(batch, length)))
                    .isInstanceOf(CorruptBatchException.class);
        }
    }

    @Property(tries = 300)
    void randomBytes_failOnlyWithCorruptBatchException(@ForAll @Size(max = 300) byte[] bytes) {
        readFully(ByteBuffer.wrap(bytes));
    }

    /** Random records sections behind headers that pass every header check, for every codec id. */
    @Property(tries = 300)
    void randomRecordsBehindAPlausibleHeader_failOnlyWithCorruptBatchException(
            @ForAll @Size(max = 400) byte[] recordsSection, @ForAll @IntRange(min = 1, max = 40) int recordCount,
            @ForAll @IntRange(min = 0, max = 7) int codecId, @ForAll long firstTimestamp) {
        ByteBuffer bytes = ByteBuffer.allocate(BatchHeader.SIZE + recordsSection.length);
        bytes.putInt(8, bytes.limit() - BatchHeader.LENGTH_PREFIX_SIZE)
                .put(12, BatchHeader.CURRENT_FORMAT_VERSION)
                .putShort(17, (short) codecId)
                .putInt(19, recordCount - 1)
                .putLong(23, firstTimestamp)
                .putInt(53, recordCount)
                .put(BatchHeader.SIZE, recordsSection);
        RecordBatch batch = RecordBatch.wrap(BatchBytes.resealed(bytes));

        assertThat(batch.isValid()).isTrue();
        decodeOrFailCleanly(batch);
    }

    @Provide
    Arbitrary<List<Record>> smallRecordLists() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(20);
    }

    /** Every reading entry point over {@code bytes}; each either works or throws CorruptBatchException. */
    private static void readFully(ByteBuffer bytes) {
        try {
            RecordBatch batch = RecordBatch.wrap(bytes.duplicate());
            batch.isValid();
            decodeOrFailCleanly(batch);
        } catch (CorruptBatchException expected) {
            // the only acceptable failure
        }
        try {
            for (RecordBatch batch : RecordBatch.splitAll(bytes.duplicate())) {
                decodeOrFailCleanly(batch);
            }
        } catch (CorruptBatchException expected) {
            // the only acceptable failure
        }
    }

    private static void decodeOrFailCleanly(RecordBatch batch) {
        try {
            assertThat(batch.records()).hasSize(batch.recordCount());
        } catch (CorruptBatchException expected) {
            // the only acceptable failure
        }
    }

    private static RecordBatch build(List<Record> records, CompressionCodec codec) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        records.forEach(builder::add);
        return builder.build();
    }
}
