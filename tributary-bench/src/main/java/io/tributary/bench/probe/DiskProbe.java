package io.tributary.bench.probe;

import io.tributary.api.config.ByteSize;
import io.tributary.bench.StorageTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Measures the physical limits a log on this machine works against: sequential writes in 256 KiB
 * chunks with an fdatasync after each (the group-commit pattern of {@code Durability.FSYNC}), buffered
 * writes without ({@code --no-fsync}), and reading the file back from the page cache. It is the
 * reference notes' fio measurement ({@code reference/performance.md} §4) redone in Java, so it runs
 * wherever the benchmarks run and through the same JDK I/O path as the log.
 *
 * <p>Run {@code tributary-bench/run disk-probe --help}. Prints a human summary; with
 * {@code --output json} the last line is one JSON object ({@code mbPerSec}, fdatasync percentiles,
 * ...). Exit status 0 on success, 1 when the measurement fails (e.g. the disk is full), 2 on bad options.
 * The probe file is deleted at the end, also on Ctrl-C.
 */
public final class DiskProbe {

    /**
     * What one probe measured.
     *
     * @param target      the file system written to
     * @param options     the settings it ran with
     * @param write       the write phase
     * @param read        the read-back phase
     * @param loadAverage the system load average over the last minute when the probe ended (negative if unknown):
     *                    a busy machine measures less, so every result says how busy it was
     */
    record Report(StorageTarget target, ProbeOptions options, SequentialWriteProbe.Report write,
                  PageCacheReadProbe.Report read, double loadAverage) {
    }

    private DiskProbe() {
    }

    public static void main(String[] args) {
        ProbeOptions options;
        try {
            options = ProbeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("disk-probe: " + e.getMessage());
            System.err.print(ProbeOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ProbeOptions.USAGE);
            return;
        }
        try {
            StorageTarget target = StorageTarget.of(options.directory());
            if (!target.warning().isEmpty()) {
                System.err.println(target.warning());
            }
            System.out.println(describe(target, options));
            Report report = measure(options);
            printText(report, System.out);
            if (options.json()) {
                System.out.println(toJson(report));
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("disk-probe: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Writes a probe file in {@code options.directory()}, reads it back, deletes it, and returns what it
     * measured. Blocks for about {@code options.duration() + options.readDuration()}.
     *
     * @throws IOException if the directory is missing or not writable, or a write, sync or read fails
     */
    static Report measure(ProbeOptions options) throws IOException {
        StorageTarget target = StorageTarget.of(options.directory());
        Path file = Files.createTempFile(options.directory(), "tributary-disk-probe-", ".tmp");
        Thread deleteOnInterrupt = new Thread(() -> deleteQuietly(file), "disk-probe-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteOnInterrupt);
        try {
            SequentialWriteProbe.Report write = SequentialWriteProbe.run(file, options.writeSettings());
            PageCacheReadProbe.Report read = PageCacheReadProbe.run(file, options.chunkBytes(), options.readDuration());
            return new Report(target, options, write, read,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            Files.deleteIfExists(file);
            Runtime.getRuntime().removeShutdownHook(deleteOnInterrupt);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("disk-probe: could not delete " + file + " (" + e.getMessage() + "); remove it by hand");
        }
    }

    static String describe(StorageTarget target, ProbeOptions options) {
        return String.format(Locale.ROOT, "disk-probe: %s; %s writes, %s, %.1f s, file up to %s; %d CPUs",
                target, size(options.chunkBytes()),
                options.syncEachChunk() ? "fdatasync after each" : "no fdatasync until the end",
                options.duration().toNanos() / 1e9, size(options.fileBytes()),
                Runtime.getRuntime().availableProcessors());
    }

    static void printText(Report report, PrintStream out) {
        SequentialWriteProbe.Report write = report.write();
        ProbeOptions options = report.options();
        out.printf(Locale.ROOT, "write        %,11.1f MB in %6.2f s = %,9.1f MB/s%s%n",
                write.overall().bytes() / 1e6, write.overall().seconds(), write.overall().mbPerSec(),
                options.syncEachChunk() ? "" : " into the page cache");
        if (options.syncEachChunk()) {
            phase(out, "growing", write.growing().throughput(), "extends the file: fdatasync also journals size and blocks");
            phase(out, "overwriting", write.overwriting().throughput(), "after the first lap: data only");
            Histogram syncs = write.syncNanos();
            out.printf(Locale.ROOT, "fdatasync    %,11d calls: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                    syncs.getTotalCount(), millis(syncs, 50), millis(syncs, 99), millis(syncs, 99.9),
                    syncs.getMaxValue() / 1e6);
        } else {
            if (write.fileBytes() + options.chunkBytes() > options.fileBytes()) {
                out.printf(Locale.ROOT, "             (stopped when the file reached %s, --file-size)%n", size(options.fileBytes()));
            }
            out.printf(Locale.ROOT, "  + final fdatasync of %.1f ms = %,9.1f MB/s to disk (dd conv=fdatasync)%n",
                    write.finalSyncNanos() / 1e6, write.overallWithFinalSync().mbPerSec());
        }
        Throughput read = report.read().throughput();
        out.printf(Locale.ROOT, "read-back    %,11.1f MB in %6.2f s = %,9.1f MB/s from the page cache (%d passes)%n",
                read.bytes() / 1e6, read.seconds(), read.mbPerSec(), report.read().passes());
        if (report.loadAverage() >= 0) {
            out.printf(Locale.ROOT, "load average %.2f (1 min; other work on the machine lowers every figure)%n", report.loadAverage());
        }
    }

    private static void phase(PrintStream out, String name, Throughput throughput, String meaning) {
        if (!throughput.isEmpty()) {
            out.printf(Locale.ROOT, "  %-11s%,10.1f MB in %6.2f s = %,9.1f MB/s  (%s)%n",
                    name, throughput.bytes() / 1e6, throughput.seconds(), throughput.mbPerSec(), meaning);
        }
    }

    /** One line of JSON; absent figures are {@code null}. Rates in MB/s (10<sup>6</sup> B/s), latencies in ms. */
    static String toJson(Report report) {
        SequentialWriteProbe.Report write = report.write();
        ProbeOptions options = report.options();
        boolean sync = options.syncEachChunk();
        Histogram syncs = write.syncNanos();
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("dir", report.target().directory().toString());
        fields.put("fileSystem", report.target().type());
        fields.put("device", report.target().device());
        fields.put("chunkBytes", options.chunkBytes());
        fields.put("fsyncEachChunk", sync);
        fields.put("seconds", write.overall().seconds());
        fields.put("bytesWritten", write.overall().bytes());
        fields.put("mbPerSec", write.overall().mbPerSec());
        fields.put("growingMbPerSec", rate(write.growing().throughput()));
        fields.put("overwritingMbPerSec", rate(write.overwriting().throughput()));
        fields.put("fsyncCount", sync ? syncs.getTotalCount() : null);
        fields.put("fsyncP50Ms", sync ? millis(syncs, 50) : null);
        fields.put("fsyncP99Ms", sync ? millis(syncs, 99) : null);
        fields.put("fsyncP999Ms", sync ? millis(syncs, 99.9) : null);
        fields.put("fsyncMaxMs", sync ? syncs.getMaxValue() / 1e6 : null);
        fields.put("finalFsyncMs", sync ? null : write.finalSyncNanos() / 1e6);
        fields.put("mbPerSecWithFinalFsync", sync ? null : write.overallWithFinalSync().mbPerSec());
        fields.put("readBackMbPerSec", report.read().throughput().mbPerSec());
        fields.put("loadAverage", report.loadAverage() >= 0 ? report.loadAverage() : null);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(jsonValue(value));
        });
        return json.append('}').toString();
    }

    private static @Nullable Double rate(Throughput throughput) {
        return throughput.isEmpty() ? null : throughput.mbPerSec();
    }

    private static String jsonValue(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case Double d -> String.format(Locale.ROOT, "%.3f", d);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> quote(value.toString());
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static double millis(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }

    /** {@code 256KiB}, {@code 2GiB}: binary units for sizes, as the options take them. */
    private static String size(long bytes) {
        return ByteSize.ofBytes(bytes).toString();
    }
}
