package io.tributary.log.internal;

import io.tributary.format.BatchHeader;
import io.tributary.log.storage.Storage;
import io.tributary.log.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One segment: a data file of batches starting at {@link #baseOffset()} and its sparse {@link
 * OffsetIndex}. Only the log's appender writes it (under the append lock); any thread may read it.
 *
 * <p>{@link #size()} and {@link #nextOffset()} include written but not yet committed batches; readers
 * bound themselves by the log's commit point.
 */
final class Segment {

    private final long baseOffset;
    private final StorageFile file;
    private final Path indexPath;
    private final OffsetIndex index;
    private final long indexIntervalBytes;
    private volatile long size;
    private volatile long nextOffset;
    private volatile long largestTimestamp;
    private volatile long firstAppendMillis;
    private long bytesSinceIndexEntry;
    private boolean dirty;

    private Segment(long baseOffset, StorageFile file, Path indexPath, OffsetIndex index, long indexIntervalBytes) {
        this.baseOffset = baseOffset;
        this.file = file;
        this.indexPath = indexPath;
        this.index = index;
        this.indexIntervalBytes = indexIntervalBytes;
        this.nextOffset = baseOffset;
        this.largestTimestamp = Long.MIN_VALUE;
        this.firstAppendMillis = -1;
    }

    /** Creates an empty segment file. The caller syncs the directory. */
    static Segment create(Storage storage, Path directory, long baseOffset, long indexIntervalBytes) throws IOException {
        StorageFile file = storage.open(SegmentFiles.dataFile(directory, baseOffset), true);
        file.truncate(0);
        return new Segment(baseOffset, file, SegmentFiles.indexFile(directory, baseOffset), new OffsetIndex(),
                indexIntervalBytes);
    }

    /** Opens an existing segment file with an empty index, for recovery to fill through {@link #recovered}. */
    static Segment open(Storage storage, Path dataFile, long baseOffset, long indexIntervalBytes) throws IOException {
        StorageFile file = storage.open(dataFile, false);
        return new Segment(baseOffset, file, SegmentFiles.indexFile(dataFile.getParent(), baseOffset), new OffsetIndex(),
                indexIntervalBytes);
    }

    long baseOffset() {
        return baseOffset;
    }

    long nextOffset() {
        return nextOffset;
    }

    long size() {
        return size;
    }

    long largestTimestamp() {
        return largestTimestamp;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Path path() {
        return file.path();
    }

    StorageFile file() {
        return file;
    }

    /** Wall-clock time of the first append (or, after recovery, the first batch's timestamp); -1 when empty. */
    long firstAppendMillis() {
        return firstAppendMillis;
    }

    /** Records a batch that recovery found valid at {@code position}, as {@link #append} would have. */
    void recovered(long position, BatchHeader header) {
        track(position, header.sizeInBytes(), header.nextOffset(), header.maxTimestamp(), header.firstTimestamp());
    }

    /** Recovery is done: the segment ends at {@code validEnd}, cutting anything after it. */
    void recoveredUpTo(long validEnd) throws IOException {
        if (file.size() > validEnd) {
            file.truncate(validEnd);
            file.force();
        }
        size = validEnd;
    }

    /**
     * Writes one batch (its bytes between position and limit) at the end of the segment. Caller holds
     * the append lock. The bytes are in the page cache, not yet forced.
     */
    void append(ByteBuffer batch, long batchNextOffset, long maxTimestamp, long nowMillis) throws IOException {
        long position = size;
        int length = batch.remaining();
        file.write(batch, position);
        if (firstAppendMillis < 0) {
            firstAppendMillis = nowMillis;
        }
        dirty = true;
        track(position, length, batchNextOffset, maxTimestamp, nowMillis);
    }

    private void track(long position, int length, long batchNextOffset, long maxTimestamp, long firstMillis) {
        if (position == 0 || bytesSinceIndexEntry >= indexIntervalBytes) {
            index.add((int) (nextOffset - baseOffset), (int) position);
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += length;
        if (firstAppendMillis < 0) {
            firstAppendMillis = firstMillis;
        }
        largestTimestamp = Math.max(largestTimestamp, maxTimestamp);
        nextOffset = batchNextOffset;
        size = position + length;
    }

    /** Forces written bytes to stable storage. Safe to call from the commit thread while appends continue. */
    void force() throws IOException {
        file.force();
    }

    /** Forces if anything was written since the last call; caller holds the append lock. */
    void forceIfDirty() throws IOException {
        if (dirty) {
            dirty = false;
            file.force();
        }
    }

    /**
     * The committed batches from the one containing {@code offset}, about {@code maxBytes} long (at
     * least one batch), not past {@code visibleEnd}/{@code visibleNextOffset}; null if {@code offset}
     * is not below {@code visibleNextOffset}.
     */
    @Nullable FileSlice read(long offset, int maxBytes, long visibleEnd, long visibleNextOffset) throws IOException {
        if (offset >= visibleNextOffset || visibleEnd == 0) {
            return null;
        }
        ByteBuffer headerBytes = ByteBuffer.allocate(BatchHeader.SIZE);
        long position = index.floorPosition((int) Math.max(0, offset - baseOffset));
        BatchHeader first = null;
        while (position < visibleEnd) {
            first = readHeader(headerBytes, position);
            if (first.lastOffset() >= offset) {
                break;
            }
            position += first.sizeInBytes();
            first = null;
        }
        if (first == null) {
            return null;
        }
        long start = position;
        long end = start + first.sizeInBytes();
        long endOffset = first.nextOffset();
        long target = start + Math.max(maxBytes, first.sizeInBytes());
        if (target >= visibleEnd) {
            end = visibleEnd;
            endOffset = visibleNextOffset;
        } else {
            int entry = index.entryAtOrBefore(end, target);
            if (entry >= 0) {
                end = index.position(entry);
                endOffset = baseOffset + index.relativeOffset(entry);
            }
            while (end < visibleEnd) {
                BatchHeader next = readHeader(headerBytes, end);
                if (end + next.sizeInBytes() > target) {
                    break;
                }
                end += next.sizeInBytes();
                endOffset = next.nextOffset();
            }
        }
        return new FileSlice(file, start, Math.toIntExact(end - start), first.baseOffset(), endOffset);
    }

    private BatchHeader readHeader(ByteBuffer headerBytes, long position) throws IOException {
        headerBytes.clear();
        file.read(headerBytes, position);
        return BatchHeader.read(headerBytes, 0);
    }

    /**
     * Writes the index file if it is missing or differs from the in-memory index (temp file, fsync,
     * atomic rename, directory fsync); returns whether it wrote.
     */
    boolean writeIndexIfStale(Storage storage) throws IOException {
        ByteBuffer wanted = index.toBytes();
        if (storage.exists(indexPath)) {
            try (StorageFile existing = storage.open(indexPath, false)) {
                if (existing.size() == wanted.remaining()) {
                    ByteBuffer current = ByteBuffer.allocate(wanted.remaining());
                    existing.read(current, 0);
                    if (current.flip().equals(wanted)) {
                        return false;
                    }
                }
            }
        }
        Path temporary = indexPath.resolveSibling(indexPath.getFileName() + ".tmp");
        try (StorageFile out = storage.open(temporary, true)) {
            out.truncate(0);
            out.write(wanted, 0);
            out.force();
        }
        storage.move(temporary, indexPath);
        storage.syncDirectory(indexPath.getParent());
        return true;
    }

    /** Drops the index file; recovery rebuilds it. */
    void deleteIndex(Storage storage) throws IOException {
        storage.delete(indexPath);
    }

    void close() throws IOException {
        file.close();
    }

    /** Closes and deletes both files. The caller syncs the directory. */
    void delete(Storage storage) throws IOException {
        file.close();
        storage.delete(indexPath);
        storage.delete(file.path());
    }
}
