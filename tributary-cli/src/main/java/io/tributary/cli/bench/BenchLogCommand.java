package io.tributary.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.ByteSize;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tributary bench log}: append throughput of one partition on this machine's disk. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Append from W writers into one partition in a temporary directory; print records/s and MB/s "
                + "(MB = 10^6 bytes of record values).")
final class BenchLogCommand implements Callable<Integer> {

    enum Output { TEXT, JSON }

    @ParentCommand
    private BenchCommand parent;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "2", description = "Seconds before measuring (default ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--record-size", defaultValue = "1024", paramLabel = "BYTES",
            description = "Bytes per record value (default ${DEFAULT-VALUE}).")
    private int recordSize;

    @Option(names = "--batch-records", defaultValue = "100", paramLabel = "N",
            description = "Records per appended batch (default ${DEFAULT-VALUE}).")
    private int batchRecords;

    @Option(names = "--writers", defaultValue = "8", paramLabel = "W", description = "Writer threads (default ${DEFAULT-VALUE}).")
    private int writers;

    @Option(names = "--durability", defaultValue = "fsync", paramLabel = "MODE",
            description = "fsync, interval or os (default ${DEFAULT-VALUE}).")
    private Durability durability;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Parent of the scratch partition (default: the system temp directory). It is deleted afterwards.")
    private Path parentDirectory;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, or json: the last line is one JSON object (default ${DEFAULT-VALUE}).")
    private Output output;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || warmupSeconds < 0 || writers < 1 || batchRecords < 1 || recordSize < 0) {
            throw new IllegalArgumentException("--seconds, --writers and --batch-records must be at least 1, "
                    + "--warmup-seconds and --record-size at least 0");
        }
        Path scratch = parentDirectory == null ? Files.createTempDirectory("tributary-bench-log-")
                : Files.createTempDirectory(Files.createDirectories(parentDirectory), "tributary-bench-log-");
        LogWorkload workload = new LogWorkload(writers, batchRecords, recordSize,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds));
        LogWorkload.Result result;
        // Keep 4 GiB at most so a long run on a fast disk cannot fill it.
        LogConfig config = LogConfig.defaults().withDurability(durability)
                .withRetention(Duration.ZERO, ByteSize.ofGibibytes(4));
        try (PartitionLog log = PartitionLog.open(scratch.resolve("bench-0"), config)) {
            result = workload.run(log);
        } finally {
            deleteRecursively(scratch);
        }
        report(result, scratch);
        return 0;
    }

    private void report(LogWorkload.Result result, Path scratch) throws IOException {
        PrintWriter out = parent.terminal().out();
        double recordsPerSec = result.recordsPerSecond();
        double mbPerSec = recordsPerSec * recordSize / 1e6;
        double p50 = result.latency().getValueAtPercentile(50) / 1000.0;
        double p99 = result.latency().getValueAtPercentile(99) / 1000.0;
        double max = result.latency().getMaxValue() / 1000.0;
        String mode = durability.name().toLowerCase(Locale.ROOT);
        out.printf(Locale.ROOT, "bench log: %d writers, %d records x %d B per batch, durability %s, %d s measured after %d s warm-up, in %s%n",
                writers, batchRecords, recordSize, mode, seconds, warmupSeconds, scratch.getParent());
        out.printf(Locale.ROOT, "  %.0f records/s, %.1f MB/s (record values, MB = 10^6 bytes)%n", recordsPerSec, mbPerSec);
        out.printf(Locale.ROOT, "  append to commit: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", p50, p99, max);
        if (output == Output.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("recordsPerSec", Math.round(recordsPerSec));
            json.put("mbPerSec", Math.round(mbPerSec * 10) / 10.0);
            json.put("durability", mode);
            json.put("writers", writers);
            json.put("recordSize", recordSize);
            json.put("batchRecords", batchRecords);
            json.put("seconds", seconds);
            json.put("p50Ms", p50);
            json.put("p99Ms", p99);
            out.println(new ObjectMapper().writeValueAsString(json));
        }
        out.flush();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
