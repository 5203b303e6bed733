package io.tributary.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Every run of a comparison and what is read off them: medians and spreads per (workload, system,
 * durability), Tributary's ratio to each peer, the reason a cell is empty (skipped or failed).
 */
final class Comparison {

    /** A (system, durability) pair; the unit the harness starts, skips and tabulates. */
    record Target(PeerSystem system, DurabilityMode durability) {
        String id() {
            return system.id() + "-" + durability.id();
        }
    }

    private final List<Workload> workloads;
    private final List<PeerSystem> systems;
    private final List<DurabilityMode> durabilities;
    private final List<RunResult> runs = new ArrayList<>();
    private final Map<Target, String> skipped = new LinkedHashMap<>();

    Comparison(List<Workload> workloads, List<PeerSystem> systems, List<DurabilityMode> durabilities) {
        this.workloads = List.copyOf(workloads);
        this.systems = List.copyOf(systems);
        this.durabilities = List.copyOf(durabilities);
    }

    List<Workload> workloads() {
        return workloads;
    }

    List<PeerSystem> systems() {
        return systems;
    }

    List<DurabilityMode> durabilities() {
        return durabilities;
    }

    void add(RunResult run) {
        runs.add(run);
    }

    List<RunResult> runs() {
        return List.copyOf(runs);
    }

    /** Marks a target as skipped for the whole run, with the reason (once; the first reason stays). */
    void skip(PeerSystem system, DurabilityMode durability, String reason) {
        skipped.putIfAbsent(new Target(system, durability), reason);
    }

    /** Why the target was skipped; null when it ran. */
    @Nullable String skipReason(PeerSystem system, DurabilityMode durability) {
        return skipped.get(new Target(system, durability));
    }

    Map<Target, String> skipped() {
        return Map.copyOf(skipped);
    }

    List<RunResult> runsOf(Workload workload, PeerSystem system, DurabilityMode durability) {
        return runs.stream().filter(r -> r.workload().equals(workload) && r.system() == system
                && r.durability() == durability).toList();
    }

    /** Median and spread of {@code figure} over the successful runs of the cell. */
    Stats stats(Workload workload, PeerSystem system, DurabilityMode durability, ToDoubleFunction<RunResult> figure) {
        return Stats.of(runsOf(workload, system, durability).stream().filter(RunResult::ok)
                .map(r -> figure.applyAsDouble(r)).toList());
    }

    Stats recordsPerSec(Workload workload, PeerSystem system, DurabilityMode durability) {
        return stats(workload, system, durability, RunResult::recordsPerSec);
    }

    /**
     * What to print in a cell that has no figures: "skipped: …", "failed: …", or null when it has figures (or
     * was never asked for).
     */
    @Nullable String emptyReason(Workload workload, PeerSystem system, DurabilityMode durability) {
        String skip = skipReason(system, durability);
        if (skip != null) {
            return "skipped: " + skip;
        }
        List<RunResult> cell = runsOf(workload, system, durability);
        if (!cell.isEmpty() && cell.stream().noneMatch(RunResult::ok)) {
            return "failed: " + cell.getFirst().error();
        }
        return null;
    }

    /**
     * Tributary's median over {@code system}'s median of {@code figure} for the same workload and durability;
     * NaN when either has none.
     */
    double tributaryRatio(Workload workload, PeerSystem system, DurabilityMode durability, ToDoubleFunction<RunResult> figure) {
        double tributary = stats(workload, PeerSystem.TRIBUTARY, durability, figure).median();
        double peer = stats(workload, system, durability, figure).median();
        return peer > 0 ? tributary / peer : Double.NaN;
    }

    /** The latency histogram of the successful run whose p99 is the cell's median p99 (or next above it). */
    @Nullable Histogram medianLatency(Workload workload, PeerSystem system, DurabilityMode durability) {
        List<RunResult> ok = runsOf(workload, system, durability).stream()
                .filter(r -> r.ok() && r.latency() != null && r.latency().getTotalCount() > 0)
                .sorted(java.util.Comparator.comparingDouble(r -> r.latencyMs(99))).toList();
        return ok.isEmpty() ? null : ok.get((ok.size() - 1) / 2).latency();
    }
}
