package io.tributary.log.internal;

import io.tributary.format.BatchHeader;
import io.tributary.format.CorruptBatchException;
import io.tributary.log.LogException;
import io.tributary.log.PartitionDirectory.BatchInfo;
import io.tributary.log.PartitionDirectory.Problem;
import io.tributary.log.PartitionDirectory.RepairReport;
import io.tributary.log.PartitionDirectory.VerifyReport;
import io.tributary.log.storage.Storage;
import io.tributary.log.storage.StorageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The offline tools behind {@link io.tributary.log.PartitionDirectory}: the same batch walk as
 * recovery, but verify only reports, repair changes files only where the operator asked, and dump
 * shows every header. Must not run while a log has the directory open.
 */
public final class DirectoryInspector {

    private final Path directory;
    private final Storage storage;

    public DirectoryInspector(Path directory, Storage storage) {
        this.directory = directory;
        this.storage = storage;
    }

    /** @throws LogException if the directory is missing or is not a partition directory */
    public void requirePartitionDirectory() {
        if (!storage.exists(directory)) {
            throw new LogException(directory + " does not exist; give the path of a partition directory");
        }
        if (baseOffsets().isEmpty()) {
            throw new LogException(directory + " is not a partition directory: it holds no segment (*.log)");
        }
    }

    public VerifyReport verify() {
        List<Long> bases = baseOffsets();
        List<Problem> problems = new ArrayList<>();
        BatchScanner scanner = new BatchScanner();
        long batches = 0;
        long records = 0;
        long bytes = 0;
        long expected = bases.getFirst();
        long nextOffset = expected;
        boolean previousBroken = false;
        for (long base : bases) {
            Path path = SegmentFiles.dataFile(directory, base);
            // After a broken segment its true end is unknown: the next name is not a second problem.
            if (base != expected && !previousBroken) {
                problems.add(new Problem(path, 0, "segment starts at offset " + base
                        + " but the previous segment ends at offset " + expected));
            }
            try (StorageFile file = storage.open(path, false)) {
                bytes += file.size();
                BatchScanner.Outcome outcome = scanner.scan(file, base, true, (position, header) -> { });
                batches += outcome.batches();
                records += outcome.records();
                previousBroken = !outcome.clean();
                if (previousBroken) {
                    problems.add(new Problem(path, outcome.validEnd(), outcome.problem()));
                }
                expected = outcome.nextOffset();
                if (problems.isEmpty()) {
                    nextOffset = outcome.nextOffset();
                }
            } catch (IOException e) {
                problems.add(new Problem(path, 0, "cannot read: " + e.getMessage()));
                previousBroken = true;
            }
        }
        return new VerifyReport(bases.size(), batches, records, bytes, bases.getFirst(), nextOffset, problems);
    }

    public RepairReport repair() {
        List<Long> bases = baseOffsets();
        BatchScanner scanner = new BatchScanner();
        long expected = bases.getFirst();
        try {
            for (int i = 0; i < bases.size(); i++) {
                long base = bases.get(i);
                Path path = SegmentFiles.dataFile(directory, base);
                long cut;
                long nextOffset;
                try (StorageFile file = storage.open(path, false)) {
                    if (base != expected) {
                        cut = 0;
                        nextOffset = expected;
                    } else {
                        BatchScanner.Outcome outcome = scanner.scan(file, base, true, (position, header) -> { });
                        if (outcome.clean()) {
                            expected = outcome.nextOffset();
                            continue;
                        }
                        cut = outcome.validEnd();
                        nextOffset = outcome.nextOffset();
                    }
                    long removed = file.size() - cut;
                    file.truncate(cut);
                    file.force();
                    storage.delete(SegmentFiles.indexFile(directory, base));
                    List<Path> deleted = new ArrayList<>();
                    for (long later : bases.subList(i + 1, bases.size())) {
                        Path laterPath = SegmentFiles.dataFile(directory, later);
                        try (StorageFile laterFile = storage.open(laterPath, false)) {
                            removed += laterFile.size();
                        }
                        storage.delete(laterPath);
                        storage.delete(SegmentFiles.indexFile(directory, later));
                        deleted.add(laterPath);
                    }
                    storage.syncDirectory(directory);
                    return new RepairReport(path, cut, removed, deleted, nextOffset);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("repairing " + directory, e);
        }
        return new RepairReport(null, 0, 0, List.of(), expected);
    }

    public void dump(Consumer<BatchInfo> visitor) {
        BatchScanner scanner = new BatchScanner();
        ByteBuffer headerBytes = ByteBuffer.allocate(BatchHeader.SIZE);
        for (long base : baseOffsets()) {
            Path path = SegmentFiles.dataFile(directory, base);
            try (StorageFile file = storage.open(path, false)) {
                long size = file.size();
                long position = 0;
                while (size - position >= BatchHeader.SIZE) {
                    headerBytes.clear();
                    file.read(headerBytes, position);
                    BatchHeader header;
                    try {
                        header = BatchHeader.read(headerBytes, 0);
                    } catch (CorruptBatchException e) {
                        return;
                    }
                    if (header.sizeInBytes() > size - position) {
                        return;
                    }
                    boolean valid = scanner.checksumValid(file, position, header);
                    visitor.accept(new BatchInfo(path, position, header, valid));
                    if (!valid) {
                        return;
                    }
                    position += header.sizeInBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + path, e);
            }
        }
    }

    private List<Long> baseOffsets() {
        try {
            if (!storage.isDirectory(directory)) {
                throw new LogException(directory + " is not a directory; give the path of a partition directory");
            }
            List<Long> bases = new ArrayList<>();
            for (Path file : storage.list(directory)) {
                SegmentFiles.baseOffsetOfDataFile(file).ifPresent(bases::add);
            }
            bases.sort(null);
            return bases;
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + directory, e);
        }
    }
}
