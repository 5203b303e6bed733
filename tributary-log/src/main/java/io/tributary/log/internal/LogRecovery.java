package io.tributary.log.internal;

import io.tributary.log.CorruptLogException;
import io.tributary.log.LogConfig;
import io.tributary.log.LogException;
import io.tributary.log.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the segments of a partition directory and brings them to a state the log can append to:
 *
 * <ol>
 *   <li>every segment's batches are walked: headers parse, offsets are dense across segments, and
 *       checksums match (every segment with {@code verify-on-open=full}, the last one otherwise);</li>
 *   <li>a bad batch in the last segment is a torn write: the segment is truncated before it (only the
 *       last segment can hold unsynced bytes, because a roll forces the old segment first);</li>
 *   <li>a bad batch in an earlier segment cannot be explained by a crash: {@link CorruptLogException}
 *       names the file and byte position, and nothing is changed;</li>
 *   <li>the sparse index of each closed segment is rebuilt in memory and its file rewritten if missing
 *       or stale; the producer sequence table is rebuilt from the headers.</li>
 * </ol>
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** The recovered state; the last segment is the active one. */
    record Recovered(List<Segment> segments, ProducerStateTable producers) {
    }

    static Recovered recover(Path directory, Storage storage, LogConfig config) throws IOException {
        List<Long> baseOffsets = segmentBaseOffsets(directory, storage);
        ProducerStateTable producers = new ProducerStateTable();
        List<Segment> segments = new ArrayList<>();
        long indexInterval = config.indexIntervalBytes().bytes();
        if (baseOffsets.isEmpty()) {
            segments.add(Segment.create(storage, directory, 0, indexInterval));
            storage.syncDirectory(directory);
            return new Recovered(segments, producers);
        }
        BatchScanner scanner = new BatchScanner();
        try {
            long expectedBase = baseOffsets.getFirst();
            for (int i = 0; i < baseOffsets.size(); i++) {
                long base = baseOffsets.get(i);
                boolean last = i == baseOffsets.size() - 1;
                Segment segment = Segment.open(storage, SegmentFiles.dataFile(directory, base), base, indexInterval);
                segments.add(segment);
                if (base != expectedBase) {
                    throw new CorruptLogException(segment.path(), 0, "segment starts at offset " + base
                            + " but the previous segment ends at offset " + expectedBase);
                }
                boolean verify = last || config.verifyOnOpen() == LogConfig.VerifyOnOpen.FULL;
                BatchScanner.Outcome outcome = scanner.scan(segment.file(), base, verify, (position, header) -> {
                    segment.recovered(position, header);
                    producers.accepted(header, header.baseOffset());
                });
                if (!outcome.clean()) {
                    if (!last) {
                        throw new CorruptLogException(segment.path(), outcome.validEnd(), outcome.problem());
                    }
                    long removed = segment.file().size() - outcome.validEnd();
                    LOG.warn("{}: truncating the torn tail at byte {} ({} bytes after offset {}): {}", segment.path(),
                            outcome.validEnd(), removed, outcome.nextOffset() - 1, outcome.problem());
                }
                segment.recoveredUpTo(outcome.validEnd());
                if (!last && segment.writeIndexIfStale(storage)) {
                    LOG.info("{}: rebuilt the missing or stale offset index", segment.path());
                }
                expectedBase = segment.nextOffset();
            }
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                closeQuietly(segment, e);
            }
            throw e;
        }
        return new Recovered(segments, producers);
    }

    /**
     * Base offsets of the segment data files, ascending. Creates the directory if absent; deletes
     * leftovers of an interrupted index write and indexes whose data file is gone.
     *
     * @throws LogException if the path is not a directory, or holds other files but no segment
     */
    static List<Long> segmentBaseOffsets(Path directory, Storage storage) throws IOException {
        if (!storage.exists(directory)) {
            storage.createDirectories(directory);
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                storage.syncDirectory(parent);
            }
            return List.of();
        }
        if (!storage.isDirectory(directory)) {
            throw new LogException(directory + " is not a directory; give the path of a partition directory");
        }
        List<Path> files = storage.list(directory);
        List<Long> bases = new ArrayList<>();
        List<Path> foreign = new ArrayList<>();
        for (Path file : files) {
            OptionalLong base = SegmentFiles.baseOffsetOfDataFile(file);
            if (base.isPresent()) {
                bases.add(base.getAsLong());
            } else if (!SegmentFiles.isLogFile(file)) {
                foreign.add(file);
            }
        }
        if (bases.isEmpty() && !foreign.isEmpty()) {
            throw new LogException(directory + " is not a partition directory: it holds " + foreign.size()
                    + " other file(s) (e.g. " + foreign.getFirst().getFileName() + ") and no segment (*.log); "
                    + "point at a partition directory or an empty one");
        }
        bases.sort(null);
        boolean deleted = false;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!SegmentFiles.isLogFile(file)) {
                continue;
            }
            boolean orphanIndex = name.endsWith(SegmentFiles.INDEX_SUFFIX)
                    && !bases.contains(Long.parseLong(name.substring(0, 20)));
            if (name.endsWith(".tmp") || orphanIndex) {
                storage.delete(file);
                deleted = true;
            }
        }
        if (deleted) {
            storage.syncDirectory(directory);
        }
        return bases;
    }

    private static void closeQuietly(Segment segment, Exception failure) {
        try {
            segment.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
