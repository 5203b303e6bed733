package io.tributary.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link RecordBatch#visitRecordShapes} tells the same sizes and header counts as decoding, without decoding. */
class RecordShapesTest {

    /** What the visitor saw for one record. */
    private record Shape(int index, int headerCount, long payloadBytes) {
    }

    @Test
    void visitRecordShapes_reportsEachRecordsHeaderCountAndPayloadBytes_inOffsetOrder() {
        RecordBatch batch = BatchBuilder.create()
                .add(new Record("key".getBytes(UTF_8), List.of(), "value".getBytes(UTF_8), 1))
                .add(new Record(null, List.of(new Header("é", new byte[3]), new Header("h", new byte[0])), new byte[10], 2))
                .build();

        assertThat(shapesOf(batch)).containsExactly(new Shape(0, 0, 3 + 5), new Shape(1, 2, 2 + 3 + 1 + 10));
    }

    @Test
    void visitRecordShapes_stopsAtTheFirstExceptionTheVisitorThrows() {
        RecordBatch batch = BatchBuilder.create().add(record(0)).add(record(70)).add(record(0)).build();
        List<Integer> visited = new ArrayList<>();

        assertThatThrownBy(() -> batch.visitRecordShapes((index, headerCount, payloadBytes) -> {
            visited.add(index);
            if (headerCount > 64) {
                throw new IllegalStateException("record " + index + " has " + headerCount + " headers");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("record 1 has 70 headers");
        assertThat(visited).containsExactly(0, 1);
    }

    @Property(tries = 60)
    void visitRecordShapes_agreesWithTheDecodedRecords(@ForAll("recordLists") List<Record> records,
            @ForAll CompressionCodec codec) {
        RecordBatch batch = build(records, codec);

        List<Shape> expected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            expected.add(new Shape(i, records.get(i).headers().size(), payloadBytes(records.get(i))));
        }
        assertThat(shapesOf(batch)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void damagedRecordsUnderAValidChecksum_failOnlyWithCorruptBatchException(
            @ForAll("recordLists") List<Record> records, @ForAll CompressionCodec codec,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer bytes = BatchBytes.copyOf(build(records, codec));
        int recordsLength = bytes.limit() - BatchHeader.SIZE;
        for (int position : positions) {
            int index = BatchHeader.SIZE + position % recordsLength;
            bytes.put(index, (byte) (bytes.get(index) ^ flip));
        }
        RecordBatch batch = RecordBatch.wrap(BatchBytes.resealed(bytes));

        try {
            batch.visitRecordShapes((index, headerCount, payloadBytes) -> { });
        } catch (CorruptBatchException expected) {
            // the only way it may fail
        }
    }

    @Provide
    Arbitrary<List<Record>> recordLists() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(20);
    }

    private static List<Shape> shapesOf(RecordBatch batch) {
        List<Shape> shapes = new ArrayList<>();
        batch.visitRecordShapes((index, headerCount, payloadBytes) -> shapes.add(new Shape(index, headerCount, payloadBytes)));
        return shapes;
    }

    private static long payloadBytes(Record record) {
        long bytes = record.value().length + (record.key() == null ? 0 : record.key().length);
        for (Header header : record.headers()) {
            bytes += header.name().getBytes(UTF_8).length + header.value().length;
        }
        return bytes;
    }

    private static Record record(int headerCount) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < headerCount; i++) {
            headers.add(new Header("h" + i, new byte[0]));
        }
        return new Record(null, headers, new byte[1], 0);
    }

    private static RecordBatch build(List<Record> records, CompressionCodec codec) {
        BatchBuilder builder = BatchBuilder.create().compression(codec);
        records.forEach(builder::add);
        return builder.build();
    }
}
