package io.tributary.broker.group;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.TopicName;
import io.tributary.api.TopicPartition;
import io.tributary.group.coordinator.OffsetStore;
import io.tributary.group.GroupName;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The record format of {@code __consumer_offsets} (decision 0012): key UTF-8 {@code "<group> <topic> <partition>"}
 * (none of the three may contain a space: group and topic names cannot), value the committed offset as 8
 * bytes big-endian ({@link OffsetStore#FORGOTTEN}, −1: the partition's offset was forgotten because its topic was
 * deleted), header {@value #KIND} = {@code commit} or {@code snapshot}. Pure functions.
 */
final class OffsetRecords {

    static final String KIND = "kind";

    /** Why a record was written. */
    enum Kind {
        /** A member's commit, or a reset. */
        COMMIT("commit"),
        /** Part of a snapshot of every offset, after which older segments may go. */
        SNAPSHOT("snapshot");

        private final byte[] header;

        Kind(String header) {
            this.header = header.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** One committed offset, as read back. */
    record Entry(String group, TopicPartition partition, long offset, Kind kind) {
    }

    private OffsetRecords() {
    }

    static Record encode(String group, TopicPartition partition, long offset, Kind kind, long timestamp) {
        byte[] key = (group + " " + partition.topic().value() + " " + partition.partition()).getBytes(StandardCharsets.UTF_8);
        byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(offset).array();
        return new Record(key, List.of(new Header(KIND, kind.header)), value, timestamp);
    }

    /**
     * Reads the record at {@code logOffset}.
     *
     * @throws CorruptOffsetsException naming the offset and what does not parse
     */
    static Entry decode(Record record, long logOffset) {
        byte[] key = record.key();
        if (key == null) {
            throw new CorruptOffsetsException(logOffset, "the record has no key; expected '<group> <topic> <partition>'");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptOffsetsException(logOffset, "the key is not UTF-8");
        }
        String[] parts = text.split(" ", -1);
        if (parts.length != 3 || !TopicName.isValid(parts[0]) || !TopicName.isValid(parts[1])) {
            throw new CorruptOffsetsException(logOffset, "key '" + abbreviate(text)
                    + "' is not '<group> <topic> <partition>' with a valid group and topic name");
        }
        int partition;
        try {
            partition = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            partition = -1;
        }
        if (partition < 0) {
            throw new CorruptOffsetsException(logOffset, "key '" + abbreviate(text) + "' ends in '" + abbreviate(parts[2])
                    + "', not a partition number");
        }
        if (record.value().length != Long.BYTES) {
            throw new CorruptOffsetsException(logOffset, "the value of key '" + text + "' has " + record.value().length
                    + " bytes, not the 8 of an offset");
        }
        long offset = ByteBuffer.wrap(record.value()).getLong();
        if (offset < 0 && offset != OffsetStore.FORGOTTEN) {
            throw new CorruptOffsetsException(logOffset, "key '" + text + "' holds offset " + offset
                    + ", but offsets are not negative (" + OffsetStore.FORGOTTEN + " marks a forgotten one)");
        }
        return new Entry(GroupName.of(parts[0]).value(), TopicPartition.of(parts[1], partition), offset,
                kindOf(record, logOffset, text));
    }

    private static Kind kindOf(Record record, long logOffset, String key) {
        for (Header header : record.headers()) {
            if (header.name().equals(KIND)) {
                for (Kind kind : Kind.values()) {
                    if (Arrays.equals(kind.header, header.value())) {
                        return kind;
                    }
                }
                throw new CorruptOffsetsException(logOffset, "the record of key '" + key + "' has header " + KIND + " = '"
                        + abbreviate(new String(header.value(), StandardCharsets.UTF_8)) + "', neither commit nor snapshot");
            }
        }
        throw new CorruptOffsetsException(logOffset, "the record of key '" + key + "' has no header " + KIND);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
