package io.tributary.log;

import io.tributary.format.BatchHeader;
import io.tributary.log.internal.DirectoryInspector;
import io.tributary.log.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Offline tools for a partition directory that no log has open: verify every batch, repair a damaged
 * log by truncating after the last valid batch, dump batch headers. What {@code tributary log
 * verify|repair|dump} run.
 */
public final class PartitionDirectory {

    private final DirectoryInspector inspector;

    private PartitionDirectory(Path directory, Storage storage) {
        this.inspector = new DirectoryInspector(directory, storage);
    }

    /**
     * The partition directory at {@code directory}.
     *
     * @throws LogException if it does not exist, or holds files but no segment of a partition
     */
    public static PartitionDirectory at(Path directory) {
        return at(directory, Storage.fileSystem());
    }

    public static PartitionDirectory at(Path directory, Storage storage) {
        PartitionDirectory partition = new PartitionDirectory(directory, storage);
        partition.inspector.requirePartitionDirectory();
        return partition;
    }

    /** Reads and checksums every batch of every segment; never changes a file. */
    public VerifyReport verify() {
        return inspector.verify();
    }

    /**
     * Truncates the log after its last valid batch: the segment with the first bad batch is cut at
     * that batch and every later segment is deleted. Does nothing to a healthy log.
     */
    public RepairReport repair() {
        return inspector.repair();
    }

    /** Calls {@code visitor} with the header of every batch, in log order, stopping at the first bad one. */
    public void dump(Consumer<BatchInfo> visitor) {
        inspector.dump(visitor);
    }

    /**
     * What {@link #verify()} found.
     *
     * @param segments    segment files
     * @param batches     valid batches
     * @param records     records in valid batches
     * @param bytes       bytes of all segment files
     * @param startOffset first offset of the log
     * @param nextOffset  offset after the last valid record
     * @param problems    every bad batch or inconsistency found, in log order; empty when healthy
     */
    public record VerifyReport(int segments, long batches, long records, long bytes, long startOffset, long nextOffset,
            List<Problem> problems) {

        public VerifyReport {
            problems = List.copyOf(problems);
        }

        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    /** A bad batch or an inconsistency at a byte position of a segment file. */
    public record Problem(Path file, long position, String description) {
    }

    /**
     * What {@link #repair()} did.
     *
     * @param truncatedFile    the segment cut at its first bad batch, or null when none was cut
     * @param truncatedAt      byte position of the cut
     * @param bytesRemoved     bytes removed in all, deleted segments included
     * @param deletedSegments  later segments deleted whole
     * @param nextOffset       offset after the last record kept
     */
    public record RepairReport(@org.jspecify.annotations.Nullable Path truncatedFile, long truncatedAt, long bytesRemoved,
            List<Path> deletedSegments, long nextOffset) {

        public RepairReport {
            deletedSegments = List.copyOf(deletedSegments);
        }

        /** Whether anything was removed. */
        public boolean changedAnything() {
            return bytesRemoved > 0 || !deletedSegments.isEmpty();
        }
    }

    /** One batch as {@link #dump(Consumer)} shows it. */
    public record BatchInfo(Path file, long position, BatchHeader header, boolean checksumValid) {
    }
}
