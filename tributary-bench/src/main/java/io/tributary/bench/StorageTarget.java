package io.tributary.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The file system a measurement writes to, so every report says what it measured.
 *
 * @param directory where the files go
 * @param device    the file store's name, e.g. {@code /dev/vda}
 * @param type      the file system type, e.g. {@code ext4}, {@code tmpfs}
 */
public record StorageTarget(Path directory, String device, String type) {

    private static final Set<String> MEMORY_BACKED = Set.of("tmpfs", "ramfs");

    /** Describes the file system that holds {@code directory}, which must exist. */
    public static StorageTarget of(Path directory) throws IOException {
        FileStore store = Files.getFileStore(directory);
        return new StorageTarget(directory.toAbsolutePath().normalize(), store.name(), store.type());
    }

    /** True for file systems in RAM, where an fsync costs nothing and a "disk" rate is a memory rate. */
    public boolean isMemoryBacked() {
        return MEMORY_BACKED.contains(type.toLowerCase(Locale.ROOT));
    }

    /**
     * A warning to print before measuring, or an empty string. Memory-backed targets are measured
     * anyway: the number is still true, it just is not a disk's.
     */
    public String warning() {
        return isMemoryBacked()
                ? "WARNING: " + directory + " is on " + type + " (memory): fsync is free there and rates are memory rates;"
                        + " point the measurement at a disk-backed directory (--dir, -Dtributary.bench.dir)"
                : "";
    }

    @Override
    public String toString() {
        return directory + " (" + type + " on " + device + ")";
    }
}
