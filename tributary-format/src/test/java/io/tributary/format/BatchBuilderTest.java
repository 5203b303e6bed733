package io.tributary.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchBuilderTest {

    /** The worked example of docs/storage-format.md. */
    @Test
    void build_oneRecord_writesExactlyTheDocumentedBytes() {
        Record record = new Record(bytes("k"), List.of(new Header("h", bytes("x"))), bytes("v"), 1_700_000_000_000L);

        RecordBatch batch = BatchBuilder.create().producer(7, (short) 1, 5).add(record).build();

        byte[] recordBytes = {
            0x18,                   // length 12 (zigzag 24)
            0x00,                   // attributes
            0x00,                   // timestampDelta 0
            0x00,                   // offsetDelta 0
            0x02, 'k',              // keyLength 1, key
            0x02, 'v',              // valueLength 1, value
            0x02,                   // headerCount 1
            0x02, 'h', 0x02, 'x'};  // nameLength 1, name, valueLength 1, value
        ByteBuffer expected = ByteBuffer.allocate(BatchHeader.SIZE + recordBytes.length)
                .putLong(0L)                         // baseOffset
                .putInt(BatchHeader.SIZE + recordBytes.length - 12) // length
                .put((byte) 1)                       // formatVersion
                .putInt(0)                           // crc, filled below
                .putShort((short) 0)                 // attributes: no compression
                .putInt(0)                           // lastOffsetDelta
                .putLong(1_700_000_000_000L)         // firstTimestamp
                .putLong(1_700_000_000_000L)         // maxTimestamp
                .putLong(7)                          // producerId
                .putShort((short) 1)                 // producerEpoch
                .putInt(5)                           // baseSequence
                .putInt(1)                           // recordCount
                .put(recordBytes)
                .flip();
        BatchBytes.resealed(expected);
        assertThat(batch.buffer()).isEqualTo(expected);
        assertThat(batch.header().crc()).isEqualTo(0x04AEF549); // as the document shows
    }

    @Test
    void build_withoutRecords_throwsIllegalStateException() {
        assertThatThrownBy(() -> BatchBuilder.create().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one record");
    }

    @Test
    void builder_afterBuild_refusesToBeUsedAgain() {
        BatchBuilder builder = BatchBuilder.create().add(Record.of(bytes("a"), 0));
        builder.build();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.add(Record.of(bytes("b"), 0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.compression(CompressionCodec.LZ4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void build_withoutProducer_marksTheBatchNotIdempotent() {
        BatchHeader header = BatchBuilder.create().add(Record.of(bytes("a"), 0)).build().header();

        assertThat(header.hasProducerId()).isFalse();
        assertThat(header.producerEpoch()).isEqualTo(BatchHeader.NO_PRODUCER_EPOCH);
        assertThat(header.baseSequence()).isEqualTo(BatchHeader.NO_SEQUENCE);
        assertThat(header.lastSequence()).isEqualTo(BatchHeader.NO_SEQUENCE);
    }

    @Test
    void producer_withNegativeFields_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> BatchBuilder.create().producer(-1, (short) 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchBuilder.create().producer(1, (short) -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchBuilder.create().producer(1, (short) 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestamps_firstIsTheFirstRecordsAndMaxIsTheLargest() {
        RecordBatch batch = BatchBuilder.create()
                .add(Record.of(bytes("a"), 500))
                .add(Record.of(bytes("b"), 900))
                .add(Record.of(bytes("c"), 100))
                .build();

        assertThat(batch.header().firstTimestamp()).isEqualTo(500);
        assertThat(batch.header().maxTimestamp()).isEqualTo(900);
        assertThat(batch.records()).extracting(Record::timestamp).containsExactly(500L, 900L, 100L);
    }

    @Test
    void estimatedSizeInBytes_isTheHeaderPlusTheRecordsEncodedSoFar() {
        BatchBuilder builder = BatchBuilder.create().compression(CompressionCodec.ZSTD);
        assertThat(builder.estimatedSizeInBytes()).isEqualTo(BatchHeader.SIZE);
        assertThat(builder.recordCount()).isZero();

        for (int i = 0; i < 100; i++) {
            builder.add(Record.of(bytes("key-" + i), bytes("value-" + i), i));
        }
        int estimated = builder.estimatedSizeInBytes();

        BatchBuilder uncompressed = BatchBuilder.create();
        for (int i = 0; i < 100; i++) {
            uncompressed.add(Record.of(bytes("key-" + i), bytes("value-" + i), i));
        }
        assertThat(builder.recordCount()).isEqualTo(100);
        assertThat(estimated).isEqualTo(uncompressed.build().sizeInBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 16, 300, 1 << 20, Integer.MAX_VALUE})
    void create_withAnyExpectedSize_buildsTheSameBytesAsWithout(int expectedBytes) {
        BatchBuilder hinted = BatchBuilder.create(expectedBytes);
        BatchBuilder plain = BatchBuilder.create();
        for (int i = 0; i < 50; i++) {
            Record record = Record.of(bytes("key-" + i), new byte[100 + i], i);
            hinted.add(record);
            plain.add(record);
        }

        assertThat(hinted.build().buffer()).isEqualTo(plain.build().buffer());
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodec.class, names = {"LZ4", "ZSTD"})
    void build_compressibleRecords_compressesTheRecordsSection(CompressionCodec codec) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        for (int i = 0; i < 200; i++) {
            builder.add(Record.of(bytes("{\"event\":\"page-view\",\"page\":\"/home\",\"user\":" + i % 10 + "}"), i));
        }
        int uncompressedSize = builder.estimatedSizeInBytes();

        RecordBatch batch = builder.build();

        assertThat(batch.header().compression()).isEqualTo(codec);
        assertThat(batch.sizeInBytes()).isLessThan(uncompressedSize / 4);
        assertThat(batch.isValid()).isTrue();
        assertThat(batch.records()).hasSize(200);
    }

    @Test
    void add_pastTheUncompressedLimit_throwsAndLeavesTheBuilderUsable() {
        BatchBuilder builder = BatchBuilder.create().add(Record.of(bytes("first"), 0));
        int sizeBefore = builder.estimatedSizeInBytes();

        assertThatThrownBy(() -> builder.add(Record.of(new byte[RecordBatch.MAX_UNCOMPRESSED_BYTES], 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAX_UNCOMPRESSED_BYTES");

        assertThat(builder.estimatedSizeInBytes()).isEqualTo(sizeBefore);
        assertThat(builder.build().records()).containsExactly(Record.of(bytes("first"), 0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
