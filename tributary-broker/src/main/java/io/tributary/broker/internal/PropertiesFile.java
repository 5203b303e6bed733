package io.tributary.broker.internal;

import io.tributary.log.storage.Storage;
import io.tributary.log.storage.StorageFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A small {@code key=value} file of broker metadata (topic settings, cluster identity). Writes are
 * atomic and durable: a temporary file, fsync, rename, directory fsync, through the log's {@link
 * Storage} seam; a crash leaves the old file or the new one, never half of either.
 */
public final class PropertiesFile {

    private PropertiesFile() {
    }

    /** The entries of {@code file}, sorted by key. */
    public static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        Map<String, String> entries = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }

    /** Replaces {@code file} with {@code entries} (in their order) under a {@code # comment} line. */
    public static void write(Path file, String comment, Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        entries.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Storage storage = Storage.fileSystem();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (StorageFile out = storage.open(temporary, true)) {
            out.truncate(0);
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
            out.force();
        }
        storage.move(temporary, file);
        storage.syncDirectory(file.getParent());
    }
}
