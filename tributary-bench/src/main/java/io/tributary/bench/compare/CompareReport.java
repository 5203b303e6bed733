package io.tributary.bench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The comparison as markdown tables (for {@code docs/benchmarks.md}) and as one JSON object (the last line
 * with {@code --output json}). Skipped and failed cells are written out with their reason in both.
 */
final class CompareReport {

    private final Comparison comparison;
    private final LimitProbes.Limits limits;

    CompareReport(Comparison comparison, LimitProbes.Limits limits) {
        this.comparison = comparison;
        this.limits = limits;
    }

    /**
     * The JSON object. {@code systems.S.D} holds workload 1's records/s (median, min, max) and workload 4's
     * p99 for each system S and durability D (or {@code skipped}/{@code failed}); {@code tributaryVsKafkaFsync}
     * and {@code tributaryVsKafkaOs} are workload 1 throughput ratios; {@code workloads} holds every figure.
     */
    Map<String, Object> json(boolean quick, Map<String, Object> machine, String resultsDirectory) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", quick ? "quick" : "full");
        Map<String, Object> systems = new LinkedHashMap<>();
        for (PeerSystem system : comparison.systems()) {
            Map<String, Object> modes = new LinkedHashMap<>();
            for (DurabilityMode durability : comparison.durabilities()) {
                modes.put(durability.id(), headline(system, durability));
            }
            systems.put(system.id(), modes);
        }
        root.put("systems", systems);
        for (DurabilityMode durability : DurabilityMode.values()) {
            double ratio = comparison.workloads().contains(Workload.MAX_RATE_1KIB) && comparison.systems().contains(PeerSystem.KAFKA)
                    ? comparison.tributaryRatio(Workload.MAX_RATE_1KIB, PeerSystem.KAFKA, durability, RunResult::recordsPerSec)
                    : Double.NaN;
            root.put(durability == DurabilityMode.FSYNC ? "tributaryVsKafkaFsync" : "tributaryVsKafkaOs", round(ratio, 3));
        }
        Map<String, Object> skipped = new LinkedHashMap<>();
        comparison.skipped().forEach((target, reason) -> skipped.put(target.id(), reason));
        root.put("skipped", skipped);
        Map<String, Object> workloads = new LinkedHashMap<>();
        for (Workload workload : comparison.workloads()) {
            Map<String, Object> bySystem = new LinkedHashMap<>();
            for (PeerSystem system : comparison.systems()) {
                Map<String, Object> byMode = new LinkedHashMap<>();
                for (DurabilityMode durability : comparison.durabilities()) {
                    byMode.put(durability.id(), cell(workload, system, durability));
                }
                bySystem.put(system.id(), byMode);
            }
            workloads.put(workload.label(), bySystem);
        }
        root.put("workloads", workloads);
        Map<String, Object> limitFields = new LinkedHashMap<>();
        limitFields.put("diskMbPerSec", round(limits.diskMbPerSec(), 1));
        limitFields.put("diskFsyncP99Ms", round(limits.diskFsyncP99Ms(), 3));
        limitFields.put("loopbackMbPerSec", round(limits.loopbackMbPerSec(), 1));
        root.put("limits", limitFields);
        root.put("machine", machine);
        root.put("results", resultsDirectory);
        return root;
    }

    private Map<String, Object> headline(PeerSystem system, DurabilityMode durability) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String skip = comparison.skipReason(system, durability);
        if (skip != null) {
            fields.put("skipped", skip);
            return fields;
        }
        if (comparison.workloads().contains(Workload.MAX_RATE_1KIB)) {
            Stats rate = comparison.recordsPerSec(Workload.MAX_RATE_1KIB, system, durability);
            fields.put("recordsPerSec", round(rate.median(), 0));
            fields.put("recordsPerSecMin", round(rate.min(), 0));
            fields.put("recordsPerSecMax", round(rate.max(), 0));
            putFailure(fields, Workload.MAX_RATE_1KIB, system, durability);
        }
        if (comparison.workloads().contains(Workload.LATENCY_20K)) {
            fields.put("p99Ms", round(comparison.stats(Workload.LATENCY_20K, system, durability, r -> r.latencyMs(99)).median(), 3));
            putFailure(fields, Workload.LATENCY_20K, system, durability);
        }
        return fields;
    }

    private void putFailure(Map<String, Object> fields, Workload workload, PeerSystem system, DurabilityMode durability) {
        String reason = comparison.emptyReason(workload, system, durability);
        if (reason != null) {
            fields.put("failed" + workload.label(), reason);
        }
    }

    private Map<String, Object> cell(Workload workload, PeerSystem system, DurabilityMode durability) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String reason = comparison.emptyReason(workload, system, durability);
        if (reason != null) {
            fields.put(reason.startsWith("skipped") ? "skipped" : "failed", reason.substring(reason.indexOf(':') + 2));
            return fields;
        }
        Stats rate = comparison.recordsPerSec(workload, system, durability);
        fields.put("runs", rate.count());
        fields.put("recordsPerSec", round(rate.median(), 0));
        fields.put("recordsPerSecMin", round(rate.min(), 0));
        fields.put("recordsPerSecMax", round(rate.max(), 0));
        fields.put("mbPerSec", round(comparison.stats(workload, system, durability, RunResult::mbPerSec).median(), 1));
        fields.put("readRecordsPerSec", round(comparison.stats(workload, system, durability, RunResult::receivedPerSec).median(), 0));
        for (double percentile : new double[] {50, 99, 99.9}) {
            String name = "p" + (percentile == 99.9 ? "999" : String.valueOf((int) percentile)) + "Ms";
            fields.put(name, round(comparison.stats(workload, system, durability, r -> r.latencyMs(percentile)).median(), 3));
        }
        fields.put("maxMs", round(comparison.stats(workload, system, durability, RunResult::maxLatencyMs).median(), 3));
        fields.put("loadAverage", round(comparison.stats(workload, system, durability, RunResult::loadAverage).median(), 2));
        return fields;
    }

    /** One line of JSON. */
    static String toJsonLine(Map<String, Object> json) {
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON summary", e);
        }
    }

    /** NaN and infinities become null (JSON has no NaN). */
    static @Nullable Object round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        if (decimals == 0) {
            return Math.round(value);
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The throughput table (max-rate and backlog workloads) and the latency table, in markdown. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        List<Workload> throughput = comparison.workloads().stream().filter(w -> w.kind() != Workload.Kind.FIXED_RATE).toList();
        if (!throughput.isEmpty()) {
            md.append("| Workload | Durability | System | records/s median (min–max) | MB/s | read records/s | Tributary ÷ system | MB/s ÷ limit |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Workload workload : throughput) {
                for (DurabilityMode durability : comparison.durabilities()) {
                    for (PeerSystem system : comparison.systems()) {
                        md.append("| ").append(workload.label()).append(" | ").append(durability.id()).append(" | ")
                                .append(system.displayName()).append(" | ");
                        String reason = comparison.emptyReason(workload, system, durability);
                        Stats rate = comparison.recordsPerSec(workload, system, durability);
                        if (reason != null || rate.isEmpty()) {
                            md.append(reason == null ? "not run" : reason).append(" | | | | |\n");
                            continue;
                        }
                        double mb = comparison.stats(workload, system, durability, RunResult::mbPerSec).median();
                        double limit = workload.kind() == Workload.Kind.BACKLOG ? limits.loopbackMbPerSec() : limits.diskMbPerSec();
                        md.append(String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f) | %.1f | %,.0f | %s | %s |%n",
                                rate.median(), rate.min(), rate.max(), mb,
                                comparison.stats(workload, system, durability, RunResult::receivedPerSec).median(),
                                system == PeerSystem.TRIBUTARY ? "—" : ratio(comparison.tributaryRatio(workload, system,
                                        durability, RunResult::recordsPerSec)),
                                ratio(mb / limit)));
                    }
                }
            }
            md.append('\n');
        }
        if (comparison.workloads().contains(Workload.LATENCY_20K)) {
            Workload workload = Workload.LATENCY_20K;
            md.append("| W4 durability | System | p50 ms | p99 ms (min–max) | p99.9 ms | max ms | delivered records/s | system p99 ÷ Tributary p99 |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (DurabilityMode durability : comparison.durabilities()) {
                for (PeerSystem system : comparison.systems()) {
                    md.append("| ").append(durability.id()).append(" | ").append(system.displayName()).append(" | ");
                    String reason = comparison.emptyReason(workload, system, durability);
                    Stats p99 = comparison.stats(workload, system, durability, r -> r.latencyMs(99));
                    if (reason != null || p99.isEmpty()) {
                        md.append(reason == null ? "not run" : reason).append(" | | | | | | |\n");
                        continue;
                    }
                    double tributaryP99 = comparison.stats(workload, PeerSystem.TRIBUTARY, durability, r -> r.latencyMs(99)).median();
                    md.append(String.format(Locale.ROOT, "%.2f | %.2f (%.2f–%.2f) | %.2f | %.2f | %,.0f | %s |%n",
                            comparison.stats(workload, system, durability, r -> r.latencyMs(50)).median(),
                            p99.median(), p99.min(), p99.max(),
                            comparison.stats(workload, system, durability, r -> r.latencyMs(99.9)).median(),
                            comparison.stats(workload, system, durability, RunResult::maxLatencyMs).median(),
                            comparison.recordsPerSec(workload, system, durability).median(),
                            system == PeerSystem.TRIBUTARY ? "—" : ratio(p99.median() / tributaryP99)));
                }
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "Limits measured in the same run: disk %.0f MB/s (256 KiB writes + fdatasync, "
                + "growing the file; fdatasync p99 %.2f ms), loopback TCP %.0f MB/s (one connection, 128 KiB writes).%n",
                limits.diskMbPerSec(), limits.diskFsyncP99Ms(), limits.loopbackMbPerSec()));
        return md.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "—" : String.format(Locale.ROOT, "%.2f×", value);
    }
}
