package io.tributary.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code tributary-bench/run compare}: runs {@link CompareOptions}' workloads against each system, one system
 * process at a time, repetitions interleaved (repetition → durability → system, the system order rotating),
 * then prints markdown tables and, with {@code --output json}, one JSON object as the last line.
 *
 * <p>Writes {@code RESULTS/compare-DATE/}: {@code results.json}, {@code tables.md}, one HdrHistogram log per
 * run under {@code hlog/}, the PNG charts, and each server's output under {@code logs/}. Data directories live
 * there while a system runs and are deleted after. Exit status 0 when every run that was not skipped
 * succeeded, 1 when one failed, 2 on bad options.
 */
public final class CompareMain {

    private CompareMain() {
    }

    public static void main(String[] args) throws Exception {
        Path defaultResults = Path.of(System.getProperty("tributary.bench.results", "bench-results"));
        CompareOptions options;
        try {
            options = CompareOptions.parse(defaultResults, args);
        } catch (IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.err.print(CompareOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(CompareOptions.USAGE);
            return;
        }
        System.exit(run(options, System.out));
    }

    static int run(CompareOptions options, PrintStream out) throws Exception {
        long started = System.nanoTime();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDirectory = options.resultsRoot().resolve("compare-" + stamp).toAbsolutePath();
        Files.createDirectories(runDirectory.resolve("hlog"));
        Files.createDirectories(runDirectory.resolve("logs"));
        Map<String, Object> machine = MachineInfo.describe(runDirectory);
        out.printf(Locale.ROOT, "compare: %s; %s, %s cores, %s; results in %s%n", options.quick() ? "quick" : "full",
                machine.get("cpu"), machine.get("cores"), machine.get("jdk"), runDirectory);

        Map<PeerSystem, PeerLauncher> launchers = new EnumMap<>(PeerSystem.class);
        for (PeerSystem system : options.peers()) {
            launchers.put(system, switch (system) {
                case TRIBUTARY -> TributaryLauncher.fromSystemProperties();
                case KAFKA -> KafkaLauncher.fromSystemProperties(options.resultsRoot().toAbsolutePath());
                case NATS -> NatsLauncher.locate();
                case REDIS -> RedisLauncher.locate();
            });
        }
        Comparison comparison = new Comparison(options.workloads(), options.peers(), options.durabilities());
        for (PeerSystem system : options.peers()) {
            for (DurabilityMode durability : options.durabilities()) {
                Availability availability = launchers.get(system).availability(durability);
                if (!availability.available()) {
                    comparison.skip(system, durability, availability.skipReason());
                    out.printf(Locale.ROOT, "compare: SKIPPED %s %s: %s%n", system.id(), durability.id(), availability.skipReason());
                }
            }
        }

        out.printf(Locale.ROOT, "compare: probing the disk and loopback TCP (%d s each)%n", options.probeSeconds());
        LimitProbes.Limits limits = LimitProbes.measure(runDirectory, options.probeSeconds());
        out.printf(Locale.ROOT, "compare: disk %.0f MB/s (256 KiB + fdatasync), loopback %.0f MB/s%n",
                limits.diskMbPerSec(), limits.loopbackMbPerSec());

        WorkloadRunner runner = new WorkloadRunner(options.warmUp(), options.measure(), options.backlog());
        List<String> commands = new ArrayList<>();
        boolean anyFailed = false;
        int topicNumber = 0;
        for (int repetition = 1; repetition <= options.repetitions(); repetition++) {
            for (DurabilityMode durability : options.durabilities()) {
                for (PeerSystem system : options.peersOfRepetition(repetition - 1)) {
                    if (comparison.skipReason(system, durability) != null) {
                        continue;
                    }
                    String target = system.id() + "-" + durability.id() + "-r" + repetition;
                    Path dataDirectory = runDirectory.resolve("data").resolve(target);
                    Files.createDirectories(dataDirectory);
                    Path log = runDirectory.resolve("logs").resolve(target + ".log");
                    try (PeerLauncher.RunningPeer peer = launchers.get(system).start(dataDirectory, durability, log);
                            PeerClient client = peer.connect()) {
                        if (repetition == 1) {
                            commands.add(peer.command());
                        }
                        for (Workload workload : options.workloads()) {
                            String topic = "compare-" + workload.label().toLowerCase(Locale.ROOT) + "-" + (++topicNumber);
                            RunResult result;
                            try {
                                result = runner.run(client, workload, topic, system, durability, repetition);
                            } catch (Exception e) {
                                result = RunResult.failed(workload, system, durability, repetition,
                                        MachineInfo.loadAverage(), e.toString());
                            }
                            comparison.add(result);
                            anyFailed |= !result.ok();
                            out.println(progressLine(result));
                            writeHistogramLog(runDirectory, result);
                        }
                    } catch (Exception e) {
                        anyFailed = true;
                        out.printf(Locale.ROOT, "compare: %s failed to start or stop: %s%n", target, e);
                        for (Workload workload : options.workloads()) {
                            int done = repetition;
                            if (comparison.runsOf(workload, system, durability).stream().noneMatch(r -> r.repetition() == done)) {
                                comparison.add(RunResult.failed(workload, system, durability, repetition,
                                        MachineInfo.loadAverage(), String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
                            }
                        }
                    } finally {
                        deleteRecursively(dataDirectory);
                    }
                }
            }
        }

        CompareReport report = new CompareReport(comparison, limits);
        String tables = report.markdown();
        StringBuilder document = new StringBuilder(tables).append("\nCommands:\n\n");
        document.append("    tributary-bench/run compare ").append(String.join(" ", argsOf(options))).append('\n');
        if (!limits.diskCommand().isEmpty()) {
            document.append("    ").append(limits.diskCommand()).append('\n');
        }
        for (String command : commands) {
            document.append("    ").append(command).append('\n');
        }
        document.append(String.format(Locale.ROOT, "%nMachine: %s%nTook %.0f s.%n", machine,
                (System.nanoTime() - started) / 1e9));
        Files.writeString(runDirectory.resolve("tables.md"), document);
        List<Path> charts = CompareCharts.write(comparison, runDirectory);
        if (options.chartsDir() != null) {
            Files.createDirectories(options.chartsDir());
            for (Path chart : charts) {
                Files.copy(chart, options.chartsDir().resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, Object> json = report.json(options.quick(), machine, runDirectory.toString());
        String jsonLine = CompareReport.toJsonLine(json);
        Files.writeString(runDirectory.resolve("results.json"), jsonLine + "\n");
        deleteRecursively(runDirectory.resolve("data"));
        out.println();
        out.print(document);
        if (options.json()) {
            out.println(jsonLine);
        }
        out.flush();
        return anyFailed ? 1 : 0;
    }

    private static List<String> argsOf(CompareOptions options) {
        List<String> args = new ArrayList<>();
        if (options.quick()) {
            args.add("--quick");
        }
        args.add("--peers");
        args.add(String.join(",", options.peers().stream().map(PeerSystem::id).toList()));
        args.add("--workloads");
        args.add(String.join(",", options.workloads().stream().map(w -> String.valueOf(w.number())).toList()));
        args.add("--durability");
        args.add(options.durabilities().size() == 2 ? "both" : options.durabilities().getFirst().id());
        args.add("--repetitions " + options.repetitions());
        args.add("--warmup-seconds " + options.warmUp().toSeconds());
        args.add("--seconds " + options.measure().toSeconds());
        if (options.workloads().contains(Workload.BACKLOG_READ)) {
            args.add("--backlog " + options.backlog() / (1024 * 1024) + "MiB");
        }
        return args;
    }

    static String progressLine(RunResult result) {
        String prefix = String.format(Locale.ROOT, "  r%d %-6s %-9s %s", result.repetition(), result.durability().id(),
                result.system().id(), result.workload().label());
        if (!result.ok()) {
            return prefix + "  FAILED: " + result.error();
        }
        return String.format(Locale.ROOT, "%s  %,10.0f records/s (%.1f MB/s), read %,10.0f/s, p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms, load %.2f",
                prefix, result.recordsPerSec(), result.mbPerSec(), result.receivedPerSec(), result.latencyMs(50),
                result.latencyMs(99), result.latencyMs(99.9), result.maxLatencyMs(), result.loadAverage());
    }

    private static void writeHistogramLog(Path runDirectory, RunResult result) throws IOException {
        if (result.latency() == null || result.latency().getTotalCount() == 0) {
            return;
        }
        Path file = runDirectory.resolve("hlog").resolve(String.format(Locale.ROOT, "%s-%s-%s-r%d.hlog",
                result.workload().label(), result.system().id(), result.durability().id(), result.repetition()));
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file), false, java.nio.charset.StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(stream);
            writer.outputComment("tributary-bench compare: " + result.workload().title() + ", " + result.system().displayName()
                    + ", durability " + result.durability().id() + ", repetition " + result.repetition()
                    + "; values in nanoseconds from the intended send time to the read");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            writer.outputIntervalHistogram(result.latency());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
