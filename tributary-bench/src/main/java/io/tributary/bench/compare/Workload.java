package io.tributary.bench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One workload, defined once and run the same way against every system; modelled on the OpenMessaging
 * Benchmark's workload files ({@code reference/performance.md} §6), scaled to a 2-vCPU machine.
 *
 * @param number     1 to 5, as issue 6 numbers them
 * @param title      what a table calls it
 * @param kind       what is measured
 * @param partitions partitions of the one topic
 * @param producers  producer threads, each with its own client
 * @param consumers  consumer threads, each with its own client; partitions are split between them
 * @param recordSize bytes per record value (at least 8: a value starts with its intended send time)
 * @param rate       records per second over all producers for {@link Kind#FIXED_RATE}; 0 otherwise
 */
record Workload(int number, String title, Kind kind, int partitions, int producers, int consumers, int recordSize,
        long rate) {

    /** What a workload measures. */
    enum Kind {
        /** Producers send as fast as acknowledgements allow while consumers read; records/s acked. */
        MAX_RATE,
        /** Producers send at {@link #rate()}; latency from the intended send time to the read (HdrHistogram). */
        FIXED_RATE,
        /** A backlog is written first, then one consumer reads it from the start; records/s read. */
        BACKLOG
    }

    static final Workload MAX_RATE_1KIB = new Workload(1, "max rate, 1 partition, 1 KiB, 1 producer / 1 consumer",
            Kind.MAX_RATE, 1, 1, 1, 1024, 0);
    static final Workload MAX_RATE_100B = new Workload(2, "max rate, 1 partition, 100 B, 1 producer / 1 consumer",
            Kind.MAX_RATE, 1, 1, 1, 100, 0);
    static final Workload MAX_RATE_16_PARTITIONS = new Workload(3,
            "max rate, 16 partitions, 1 KiB, 2 producers / 2 consumers", Kind.MAX_RATE, 16, 2, 2, 1024, 0);
    static final Workload LATENCY_20K = new Workload(4, "20,000 records/s, 1 partition, 1 KiB: end-to-end latency",
            Kind.FIXED_RATE, 1, 1, 1, 1024, 20_000);
    static final Workload BACKLOG_READ = new Workload(5, "catch-up read of a backlog, 1 partition, 1 KiB",
            Kind.BACKLOG, 1, 1, 1, 1024, 0);

    /** Every workload, by number. */
    static final List<Workload> ALL = List.of(MAX_RATE_1KIB, MAX_RATE_100B, MAX_RATE_16_PARTITIONS, LATENCY_20K,
            BACKLOG_READ);

    Workload {
        if (recordSize < Long.BYTES || partitions < 1 || producers < 1 || consumers < 1 || consumers > partitions) {
            throw new IllegalArgumentException("workload " + number + ": record size at least 8 B, at least one "
                    + "partition, producer and consumer, no more consumers than partitions");
        }
        if ((kind == Kind.FIXED_RATE) != (rate > 0)) {
            throw new IllegalArgumentException("workload " + number + ": a rate belongs to fixed-rate workloads only");
        }
    }

    /** Short label for tables and charts: {@code W1}. */
    String label() {
        return "W" + number;
    }

    /** Parses {@code 1,4} or {@code all}. @throws IllegalArgumentException for an unknown number */
    static List<Workload> parse(String value) {
        if (value.trim().equals("all")) {
            return ALL;
        }
        List<Workload> workloads = new ArrayList<>();
        for (String part : value.split(",")) {
            String number = part.trim().toUpperCase(java.util.Locale.ROOT).replaceFirst("^W", "");
            Workload workload = ALL.stream().filter(w -> String.valueOf(w.number()).equals(number)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--workloads takes numbers 1 to 5 (e.g. 1,4) or "
                            + "all, not '" + part + "'"));
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
        }
        return List.copyOf(workloads);
    }

    /** The partitions consumer {@code index} of {@link #consumers()} reads: round robin. */
    List<Integer> partitionsOf(int index) {
        List<Integer> assigned = new ArrayList<>();
        for (int p = index; p < partitions; p += consumers) {
            assigned.add(p);
        }
        return assigned;
    }
}
