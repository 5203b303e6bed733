package io.tributary.protocol.message;

import io.tributary.format.RecordBatch;
import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.RecordsSource;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * Batches read from each partition of a {@link FetchRequest}, in request order.
 *
 * <p>Laid out for zero copy: in each partition entry the records come last, as an int32 size and the
 * concatenated batch bytes exactly as the log stores them. The broker builds the response with a
 * {@link RecordsSource} per partition backed by a log slice and encodes it with
 * {@code ResponseCodec.encodeSegments}: it writes the encoded bytes before each partition's records and
 * sends the records themselves with {@code FileChannel.transferTo}. A client decodes the records into
 * {@link MemoryRecords}, whose batch headers {@link #decode} has already checked.
 */
public record FetchResponse(List<TopicData> topics) implements Response {

    public FetchResponse {
        topics = List.copyOf(topics);
    }

    /** Results for one topic, in request order. */
    public record TopicData(String topic, List<PartitionData> partitions) {
        public TopicData {
            Objects.requireNonNull(topic, "topic");
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(topic).writeArray(partitions, PartitionData::encode);
        }

        static TopicData decode(WireReader in) {
            String topic = in.readString("FetchResponse.topic");
            return new TopicData(topic, in.readArray("FetchResponse.partitions", 34, PartitionData::decode));
        }
    }

    /**
     * What one partition returned.
     *
     * @param partition          the partition
     * @param errorCode          {@link ErrorCode#NONE}, or why nothing was read (e.g.
     *                           {@link ErrorCode#OFFSET_OUT_OF_RANGE}: restart from {@code logStartOffset})
     * @param logStartOffset     the partition's first offset
     * @param committedEndOffset the high watermark: the offset the next committed record will get
     * @param nextOffset         where to fetch next: after the last record returned, or the fetch offset
     *                           when none was
     * @param records            whole batches; the first one contains the fetch offset (it may start before it)
     */
    public record PartitionData(int partition, ErrorCode errorCode, long logStartOffset, long committedEndOffset,
            long nextOffset, RecordsSource records) {
        public PartitionData {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(records, "records");
        }

        /** The batches of records decoded by a client. */
        public List<RecordBatch> batches() {
            if (records instanceof MemoryRecords memory) {
                return memory.batches();
            }
            throw new IllegalStateException("records of partition " + partition + " are " + records
                    + ", not in memory; only a decoded response has its batches at hand");
        }

        void encode(WireWriter out) {
            out.writeInt(partition).writeShort(errorCode.code()).writeLong(logStartOffset)
                    .writeLong(committedEndOffset).writeLong(nextOffset).writeRecords(records);
        }

        static PartitionData decode(WireReader in) {
            return new PartitionData(
                    in.readInt("FetchResponse.partition"),
                    Fields.readErrorCode(in, "FetchResponse.errorCode"),
                    in.readLong("FetchResponse.logStartOffset"),
                    in.readLong("FetchResponse.committedEndOffset"),
                    in.readLong("FetchResponse.nextOffset"),
                    in.readRecords("FetchResponse.records"));
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeArray(topics, TopicData::encode);
    }

    /** Reads what {@link #encode} wrote; every batch header is checked, checksums are not (consumers check them). */
    public static FetchResponse decode(WireReader in) {
        return new FetchResponse(in.readArray("FetchResponse.topics", Fields.MIN_STRING + Fields.MIN_ARRAY,
                TopicData::decode));
    }
}
