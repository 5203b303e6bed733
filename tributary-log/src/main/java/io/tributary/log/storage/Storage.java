package io.tributary.log.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * File-system operations the log needs, nothing more. Durability contract: a created, renamed or
 * deleted file survives a crash only after {@link #syncDirectory(Path)} of its directory; written bytes
 * only after {@link StorageFile#force()}.
 */
public interface Storage {

    /** The real file system through {@link java.nio.channels.FileChannel}. */
    static Storage fileSystem() {
        return FileSystemStorage.INSTANCE;
    }

    /** Opens {@code file} for reading and writing, creating it empty if {@code create} and it does not exist. */
    StorageFile open(Path file, boolean create) throws IOException;

    boolean exists(Path path);

    boolean isDirectory(Path path);

    /** The regular files directly inside {@code directory}, in no particular order. */
    List<Path> list(Path directory) throws IOException;

    void createDirectories(Path directory) throws IOException;

    /** Deletes {@code file} if it exists. */
    void delete(Path file) throws IOException;

    /** Renames {@code source} to {@code target} atomically, replacing {@code target}. */
    void move(Path source, Path target) throws IOException;

    /** Makes creations, renames and deletions in {@code directory} durable (fsync of the directory). */
    void syncDirectory(Path directory) throws IOException;
}
