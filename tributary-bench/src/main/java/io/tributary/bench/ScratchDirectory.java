package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one benchmark trial; {@link #close()} deletes it and everything in it.
 *
 * <p>It is created under the directory named by the system property {@value #BASE_PROPERTY}, else
 * under {@code java.io.tmpdir}. JMH's forked JVMs inherit the launching JVM's {@code -D} options, so
 * {@code java -Dtributary.bench.dir=/data -jar benchmarks.jar} moves every trial to {@code /data}.
 * Not thread-safe; one owner (a JMH {@code @State}) creates and closes it.
 */
public final class ScratchDirectory implements AutoCloseable {

    /** System property naming the parent of scratch directories. */
    public static final String BASE_PROPERTY = "tributary.bench.dir";

    private final Path path;
    private final StorageTarget target;

    private ScratchDirectory(Path path, StorageTarget target) {
        this.path = path;
        this.target = target;
    }

    /**
     * Creates {@code tributary-<purpose>-<random>} under the base directory, creating the base if
     * absent, and prints {@link StorageTarget#warning()} to standard error if there is one.
     *
     * @throws UncheckedIOException if the directory cannot be created (JMH reports it as the trial's failure)
     */
    public static ScratchDirectory create(String purpose) {
        Path base = Path.of(System.getProperty(BASE_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(base);
            Path path = Files.createTempDirectory(base, "tributary-" + purpose + "-");
            StorageTarget target = StorageTarget.of(path);
            if (!target.warning().isEmpty()) {
                System.err.println(target.warning());
            }
            return new ScratchDirectory(path, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory under " + base
                    + "; set -D" + BASE_PROPERTY + " to a writable directory", e);
        }
    }

    public Path path() {
        return path;
    }

    /** The file system the directory is on. */
    public StorageTarget target() {
        return target;
    }

    /**
     * Deletes the directory tree, deepest entries first. Call it after closing every file in it.
     *
     * @throws UncheckedIOException naming the entry that could not be deleted
     */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete scratch directory " + path + "; remove it by hand", e);
        }
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
