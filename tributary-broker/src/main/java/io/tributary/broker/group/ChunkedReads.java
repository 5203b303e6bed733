package io.tributary.broker.group;

import io.tributary.format.RecordBatch;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How this package scans a partition's committed records ({@link LogOffsetStore}'s load, {@link RegistryTopicCatalog}'s
 * search by time): {@value #READ_BYTES} bytes at a time, each read decoded into its batches.
 */
final class ChunkedReads {

    /** Bytes read at a time. */
    static final int READ_BYTES = 1 << 20;

    private ChunkedReads() {
    }

    /**
     * The batches of one read of {@code partition}.
     *
     * @param partition names the partition in the error, e.g. {@code orders-0}
     * @throws UncheckedIOException if the read's bytes cannot be decoded
     */
    static List<RecordBatch> batches(ReadResult.Records records, String partition) {
        try {
            return records.slice().batches();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + partition + " at offset " + records.slice().firstOffset(),
                    e);
        }
    }
}
