package io.tributary.cli.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the workers' {@link RecordingHandlers} wrote into one directory: every handled event with the process,
 * partition and offset, read again from the files on each call (the workers append while tests read).
 */
final class HandledEvents {

    /** One line: process {@code pid} finished event {@code id} at {@code partition@offset}. */
    record Handled(long pid, int partition, long offset, String id) {
    }

    private final Path directory;

    HandledEvents(Path directory) {
        this.directory = directory;
    }

    /** Every complete line of every {@code *.handled} file. */
    List<Handled> all() {
        List<Handled> handled = new ArrayList<>();
        for (String line : lines("*.handled")) {
            String[] fields = line.split(" ");
            if (fields.length == 4) {
                handled.add(new Handled(Long.parseLong(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                        fields[3]));
            }
        }
        return handled;
    }

    /** The ids of the handled events. */
    Set<String> ids() {
        return all().stream().map(Handled::id).collect(Collectors.toSet());
    }

    /** Events handled by {@code pid}. */
    long countBy(long pid) {
        return all().stream().filter(handled -> handled.pid() == pid).count();
    }

    /** Event ids whose handler {@code pid} started. */
    Set<String> startedBy(long pid) {
        return lines(pid + ".started").stream().map(line -> line.substring(line.indexOf(' ') + 1))
                .collect(Collectors.toSet());
    }

    /** Event id to every time it was handled, for the ids handled more than once. */
    Map<String, List<Handled>> duplicates() {
        Map<String, List<Handled>> byId = new HashMap<>();
        all().forEach(handled -> byId.computeIfAbsent(handled.id(), id -> new ArrayList<>()).add(handled));
        byId.values().removeIf(times -> times.size() < 2);
        return byId;
    }

    /** Complete lines only: a line being written has no line break yet. */
    private List<String> lines(String glob) {
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            for (Path file : files) {
                String text = Files.readString(file);
                int end = text.lastIndexOf('\n');
                if (end >= 0) {
                    text.substring(0, end).lines().filter(line -> !line.isBlank()).forEach(lines::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
