package io.tributary.broker.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.TopicPartition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record format of {@code __consumer_offsets}: what decision 0012 says, byte for byte, and every refusal. */
class OffsetRecordsTest {

    private static final TopicPartition ORDERS_3 = TopicPartition.of("orders", 3);

    @Test
    void aCommit_isKeyedByGroupTopicAndPartition_withTheOffsetAs8BytesBigEndian() {
        Record record = OffsetRecords.encode("billing", ORDERS_3, 258, OffsetRecords.Kind.COMMIT, 1_000);

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("billing orders 3");
        assertThat(record.value()).containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
        assertThat(record.headers()).containsExactly(new Header("kind", "commit".getBytes(StandardCharsets.US_ASCII)));
        assertThat(record.timestamp()).isEqualTo(1_000);
        assertThat(OffsetRecords.decode(record, 7))
                .isEqualTo(new OffsetRecords.Entry("billing", ORDERS_3, 258, OffsetRecords.Kind.COMMIT));
    }

    @Test
    void aSnapshotRecord_saysSoInItsKindHeader() {
        Record record = OffsetRecords.encode("billing", ORDERS_3, 1, OffsetRecords.Kind.SNAPSHOT, 0);

        assertThat(record.headers()).containsExactly(new Header("kind", "snapshot".getBytes(StandardCharsets.US_ASCII)));
        assertThat(OffsetRecords.decode(record, 0).kind()).isEqualTo(OffsetRecords.Kind.SNAPSHOT);
    }

    @Test
    void recordsThatDoNotParse_areRefusedNamingTheOffsetAndTheProblem() {
        byte[] offset = ByteBuffer.allocate(8).putLong(5).array();
        List<Header> commit = List.of(new Header("kind", "commit".getBytes(StandardCharsets.US_ASCII)));

        assertRefused(new Record(null, commit, offset, 0), "has no key");
        assertRefused(new Record(key("billing orders"), commit, offset, 0), "is not '<group> <topic> <partition>'");
        assertRefused(new Record(key("bil/ling orders 3"), commit, offset, 0), "valid group and topic name");
        assertRefused(new Record(key("billing orders three"), commit, offset, 0), "not a partition number");
        assertRefused(new Record(key("billing orders -1"), commit, offset, 0), "not a partition number");
        assertRefused(new Record(new byte[] {(byte) 0xc3, 0x28}, commit, offset, 0), "not UTF-8");
        assertRefused(new Record(key("billing orders 3"), commit, new byte[4], 0), "has 4 bytes, not the 8");
        assertRefused(new Record(key("billing orders 3"), commit, ByteBuffer.allocate(8).putLong(-2).array(), 0),
                "offset -2");
        assertRefused(new Record(key("billing orders 3"), List.of(), offset, 0), "has no header kind");
        assertRefused(new Record(key("billing orders 3"), List.of(new Header("kind", key("delete"))), offset, 0),
                "neither commit nor snapshot");
    }

    private static void assertRefused(Record record, String problem) {
        assertThatThrownBy(() -> OffsetRecords.decode(record, 41))
                .isInstanceOfSatisfying(CorruptOffsetsException.class, e -> assertThat(e.offset()).isEqualTo(41))
                .hasMessageContaining("__consumer_offsets-0 at offset 41")
                .hasMessageContaining(problem)
                .hasMessageContaining("from a backup");
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
