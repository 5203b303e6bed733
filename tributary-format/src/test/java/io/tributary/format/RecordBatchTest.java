package io.tributary.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordBatchTest {

    @Test
    void wrap_fewerBytesThanAHeader_throwsCorruptBatchException() {
        assertThatThrownBy(() -> RecordBatch.wrap(ByteBuffer.allocate(BatchHeader.SIZE - 1)))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("56 bytes cannot be a batch");
    }

    @Test
    void wrap_moreThanOneBatch_throwsCorruptBatchExceptionPointingToSplitAll() {
        ByteBuffer two = BatchBytes.concatenated(batchOf("a"), batchOf("b"));

        assertThatThrownBy(() -> RecordBatch.wrap(two))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("splitAll");
    }

    @Test
    void wrap_unknownFormatVersion_throwsNamingTheVersion() {
        ByteBuffer bytes = BatchBytes.copyOf(batchOf("a")).put(12, (byte) 2);

        assertThatThrownBy(() -> RecordBatch.wrap(bytes))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("unknown batch format version 2");
    }

    @Test
    void wrap_takesTheBytesBetweenPositionAndLimit() {
        RecordBatch batch = batchOf("a", "b");
        ByteBuffer padded = ByteBuffer.allocate(batch.sizeInBytes() + 10);
        padded.position(3).put(batch.buffer()).flip().position(3);

        RecordBatch wrapped = RecordBatch.wrap(padded);

        assertThat(wrapped.buffer()).isEqualTo(batch.buffer());
        assertThat(values(wrapped)).containsExactly("a", "b");
        assertThat(padded.position()).isEqualTo(3);
    }

    @Test
    void splitAll_concatenatedBatches_returnsEachInOrder() {
        RecordBatch first = batchOf("a");
        RecordBatch second = batchOf("b", "c");
        RecordBatch third = BatchBuilder.create().compression(CompressionCodec.LZ4)
                .add(Record.of("d".getBytes(UTF_8), 0)).build();

        List<RecordBatch> batches = RecordBatch.splitAll(BatchBytes.concatenated(first, second, third));

        assertThat(batches).extracting(RecordBatch::buffer)
                .containsExactly(first.buffer(), second.buffer(), third.buffer());
        assertThat(batches).map(RecordBatchTest::values)
                .containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
    }

    @Test
    void splitAll_readsBigEndianWhateverTheCallersByteOrder() {
        ByteBuffer bytes = BatchBytes.concatenated(batchOf("a"), batchOf("b")).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(RecordBatch.splitAll(bytes)).hasSize(2);
    }

    @Test
    void splitAll_noBytes_returnsNoBatches() {
        assertThat(RecordBatch.splitAll(ByteBuffer.allocate(0))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 11, 12, 56, 57})
    void splitAll_lastBatchCutShort_throwsCorruptBatchException(int bytesOfTheLastBatch) {
        RecordBatch whole = batchOf("a");
        RecordBatch cut = batchOf("b", "c");
        ByteBuffer bytes = BatchBytes.concatenated(whole, cut);
        bytes.limit(whole.sizeInBytes() + bytesOfTheLastBatch);

        assertThatThrownBy(() -> RecordBatch.splitAll(bytes))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("batch 1")
                .hasMessageContaining("cut short");
    }

    @Test
    void ensureValid_damagedBatch_namesTheBaseOffsetAndBothChecksums() {
        ByteBuffer bytes = BatchBytes.copyOf(batchOf("a"));
        int stored = bytes.getInt(BatchBytes.CRC_OFFSET);
        RecordBatch batch = RecordBatch.wrap(bytes);
        batch.assignBaseOffset(42);
        bytes.put(bytes.limit() - 1, (byte) 'z');
        int actual = BatchBytes.checksum(bytes);

        assertThat(batch.isValid()).isFalse();
        assertThatThrownBy(batch::ensureValid)
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("base offset 42")
                .hasMessageContaining(String.format("0x%08x", stored))
                .hasMessageContaining(String.format("0x%08x", actual));
    }

    @ParameterizedTest
    @EnumSource(CompressionCodec.class)
    void records_fromReadOnlyOrDirectBytes_decodeLikeHeapBytes(CompressionCodec codec) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        for (int i = 0; i < 50; i++) {
            builder.add(Record.of(("key " + i).getBytes(UTF_8), ("value " + i).getBytes(UTF_8), i));
        }
        RecordBatch batch = builder.build();
        ByteBuffer direct = ByteBuffer.allocateDirect(batch.sizeInBytes()).put(batch.buffer()).flip();

        RecordBatch readOnly = RecordBatch.wrap(batch.buffer());
        RecordBatch offHeap = RecordBatch.wrap(direct);

        assertThat(readOnly.isValid()).isTrue();
        assertThat(offHeap.isValid()).isTrue();
        assertThat(readOnly.records()).isEqualTo(batch.records());
        assertThat(offHeap.records()).isEqualTo(batch.records());
    }

    @Test
    void buffer_isAReadOnlyViewOfTheWholeBatch() {
        RecordBatch batch = batchOf("a");

        ByteBuffer buffer = batch.buffer();

        assertThat(buffer.isReadOnly()).isTrue();
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(batch.sizeInBytes());
        assertThat(BatchHeader.read(buffer, 0)).isEqualTo(batch.header());
    }

    @Test
    void assignBaseOffset_onReadOnlyBytes_throwsReadOnlyBufferException() {
        RecordBatch readOnly = RecordBatch.wrap(batchOf("a").buffer());

        assertThatThrownBy(() -> readOnly.assignBaseOffset(5)).isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void assignBaseOffset_negative_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> batchOf("a").assignBaseOffset(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {RecordBatch.MAX_UNCOMPRESSED_BYTES + 1, Integer.MAX_VALUE, -1})
    void records_compressedSectionClaimingAnImpossibleSize_isRejectedBeforeDecompressing(int uncompressedLength) {
        ByteBuffer bomb = compressedBatchClaiming(CompressionCodec.LZ4, uncompressedLength);

        assertThatThrownBy(() -> RecordBatch.wrap(bomb).records())
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("MAX_UNCOMPRESSED_BYTES");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodec.class, names = {"LZ4", "ZSTD"})
    void records_compressedSectionInflatingToAnotherSize_throwsCorruptBatchException(CompressionCodec codec) {
        ByteBuffer lying = compressedBatchClaiming(codec, 4096);

        assertThatThrownBy(() -> RecordBatch.wrap(lying).records())
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("base offset 0 does not decode");
    }

    @Test
    void records_moreRecordsClaimedThanEncoded_throwsCorruptBatchException() {
        ByteBuffer bytes = BatchBytes.copyOf(batchOf("a", "b"));
        bytes.putInt(19, 2).putInt(53, 3); // lastOffsetDelta, recordCount
        RecordBatch batch = RecordBatch.wrap(BatchBytes.resealed(bytes));

        assertThat(batch.isValid()).isTrue();
        assertThatThrownBy(batch::records).isInstanceOf(CorruptBatchException.class);
    }

    @Test
    void records_unknownCompressionCodec_throwsCorruptBatchException() {
        ByteBuffer bytes = BatchBytes.copyOf(batchOf("a")).putShort(17, (short) 5);

        assertThatThrownBy(() -> RecordBatch.wrap(BatchBytes.resealed(bytes)).records())
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageContaining("unknown compression codec id 5");
    }

    /** A real compressed batch whose uncompressedLength field is replaced, checksum fixed. */
    private static ByteBuffer compressedBatchClaiming(CompressionCodec codec, int uncompressedLength) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        for (int i = 0; i < 10; i++) {
            builder.add(Record.of(("value " + i).getBytes(UTF_8), i));
        }
        ByteBuffer bytes = BatchBytes.copyOf(builder.build());
        bytes.putInt(BatchHeader.SIZE, uncompressedLength);
        return BatchBytes.resealed(bytes);
    }

    private static RecordBatch batchOf(String... values) {
        BatchBuilder builder = BatchBuilder.create();
        for (String value : values) {
            builder.add(Record.of(value.getBytes(UTF_8), 0));
        }
        return builder.build();
    }

    private static List<String> values(RecordBatch batch) {
        return batch.records().stream().map(record -> new String(record.value(), UTF_8)).toList();
    }
}
