package io.tributary.bench.compare;

import io.tributary.api.config.ByteSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tributary-bench/run compare} runs. {@link #parse} reads the command line; {@code --quick}
 * changes the defaults (workloads 1 and 4, Kafka and Tributary, shorter windows), explicit options still win.
 *
 * @param quick        the reviewer's check: under 5 minutes
 * @param peers        systems to run, in the order of the first repetition (later ones rotate it)
 * @param workloads    workloads to run against each system
 * @param durabilities durability modes, each a separate start of every system
 * @param repetitions  times every (system, durability) is started and measured; interleaved across systems
 * @param warmUp       time each workload runs before it is measured
 * @param measure      measured time of each max-rate and fixed-rate workload
 * @param backlog      bytes of record values written before the catch-up read of workload 5
 * @param resultsRoot  parent of this run's results folder (histogram logs, JSON, tables, charts, data dirs)
 * @param chartsDir    where the PNG charts go besides the results folder ({@code docs} for a documented run);
 *                     null: the results folder only
 * @param probeSeconds seconds of each physical-limit probe (disk, loopback); 0 skips them
 * @param json         print one JSON object as the last line
 * @param help         print usage and exit
 */
record CompareOptions(boolean quick, List<PeerSystem> peers, List<Workload> workloads, List<DurabilityMode> durabilities,
        int repetitions, Duration warmUp, Duration measure, long backlog, Path resultsRoot, @Nullable Path chartsDir,
        int probeSeconds, boolean json, boolean help) {

    static final String USAGE = """
            Usage: tributary-bench/run compare [--quick] [--peers tributary,kafka,nats,redis] [--workloads 1,2,3,4,5|all]
                                               [--durability fsync|os|both] [--repetitions N] [--warmup-seconds S]
                                               [--seconds S] [--backlog SIZE] [--results DIR] [--charts DIR]
                                               [--probe-seconds S] [--output text|json]
            Starts each system on loopback, one at a time, in its own process, and drives it with its standard Java
            client through the same workloads (issue 6):
              1  max rate, 1 partition, 1 KiB, 1 producer / 1 consumer
              2  max rate, 1 partition, 100 B
              3  max rate, 16 partitions, 1 KiB, 2 producers / 2 consumers
              4  20,000 records/s, 1 KiB: end-to-end latency from the intended send time (p50/p99/p99.9/max)
              5  catch-up read of a backlog (--backlog, default 1GiB)
              --quick             workloads 1 and 4, tributary and kafka, fsync and os, 3 repetitions of short
                                  windows: under 5 minutes
              --peers LIST        default tributary,kafka,nats,redis (quick: tributary,kafka)
              --workloads LIST    default all (quick: 1,4)
              --durability MODE   fsync, os or both (default both)
              --repetitions N     starts of every (system, durability), interleaved (default 3)
              --warmup-seconds S  per workload before measuring (default 5; quick 2)
              --seconds S         measured per workload (default 15; quick 4)
              --backlog SIZE      workload 5's backlog (default 1GiB; quick 256MiB)
              --results DIR       parent of this run's results folder (default tributary-bench/results)
              --charts DIR        also write the PNG charts there (e.g. docs); default: results folder only
              --probe-seconds S   disk and loopback probes (default 5; quick 3; 0 skips them)
              --output json       the last line is one JSON object (records/s, p99, ratios)
            A peer whose server cannot be found is skipped and named as skipped in every output.
            """;

    CompareOptions {
        peers = List.copyOf(peers);
        workloads = List.copyOf(workloads);
        durabilities = List.copyOf(durabilities);
        if (peers.isEmpty() || workloads.isEmpty() || durabilities.isEmpty()) {
            throw new IllegalArgumentException("--peers, --workloads and --durability must each name at least one");
        }
        if (repetitions < 1 || warmUp.isNegative() || measure.compareTo(Duration.ofSeconds(1)) < 0 || probeSeconds < 0) {
            throw new IllegalArgumentException("--repetitions and --seconds must be at least 1, --warmup-seconds and "
                    + "--probe-seconds at least 0");
        }
        if (backlog < 1024 * 1024) {
            throw new IllegalArgumentException("--backlog must be at least 1MiB, was " + backlog);
        }
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    static CompareOptions parse(Path defaultResultsRoot, String... args) {
        boolean quick = List.of(args).contains("--quick");
        String peers = quick ? "tributary,kafka" : "tributary,kafka,nats,redis";
        String workloads = quick ? "1,4" : "all";
        String durability = "both";
        int repetitions = 3;
        int warmUp = quick ? 2 : 5;
        int seconds = quick ? 4 : 15;
        long backlog = quick ? ByteSize.ofMebibytes(256).bytes() : ByteSize.ofGibibytes(1).bytes();
        Path results = defaultResultsRoot;
        Path charts = null;
        int probeSeconds = quick ? 3 : 5;
        boolean json = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> { }
                case "-h", "--help" -> help = true;
                case "--peers" -> peers = value(args, ++i, option);
                case "--workloads" -> workloads = value(args, ++i, option);
                case "--durability" -> durability = value(args, ++i, option);
                case "--repetitions" -> repetitions = integer(args, ++i, option);
                case "--warmup-seconds" -> warmUp = integer(args, ++i, option);
                case "--seconds" -> seconds = integer(args, ++i, option);
                case "--backlog" -> backlog = ByteSize.parse(value(args, ++i, option)).bytes();
                case "--results" -> results = Path.of(value(args, ++i, option));
                case "--charts" -> charts = Path.of(value(args, ++i, option));
                case "--probe-seconds" -> probeSeconds = integer(args, ++i, option);
                case "--output" -> {
                    String format = value(args, ++i, option);
                    if (!format.equals("json") && !format.equals("text")) {
                        throw new IllegalArgumentException("--output takes text or json, not '" + format + "'");
                    }
                    json = format.equals("json");
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        List<PeerSystem> systems = new ArrayList<>();
        for (String id : peers.split(",")) {
            PeerSystem system = PeerSystem.of(id);
            if (!systems.contains(system)) {
                systems.add(system);
            }
        }
        return new CompareOptions(quick, systems, Workload.parse(workloads), DurabilityMode.parse(durability), repetitions,
                Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), backlog, results, charts, probeSeconds, json, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    /** The systems of repetition {@code repetition} (0-based): the list rotated by it, so no system always goes first. */
    List<PeerSystem> peersOfRepetition(int repetition) {
        List<PeerSystem> rotated = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            rotated.add(peers.get((i + repetition) % peers.size()));
        }
        return rotated;
    }
}
