package io.tributary.bench.compare;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What one run of one workload against one system measured.
 *
 * @param workload        the workload
 * @param system          the system
 * @param durability      the durability mode
 * @param repetition      1-based
 * @param sentPerSec      records/s acknowledged to the producers in the measured window (backlog: while filling)
 * @param receivedPerSec  records/s read by the consumers in the measured window (backlog: the catch-up read)
 * @param latency         nanoseconds from each record's intended send time to its read, for records meant to be
 *                        sent in the measured window; null when nothing was measured
 * @param loadAverage     the 1-minute load average when the run ended (negative if unknown)
 * @param error           why the run failed; null when it did not
 */
record RunResult(Workload workload, PeerSystem system, DurabilityMode durability, int repetition, double sentPerSec,
        double receivedPerSec, @Nullable Histogram latency, double loadAverage, @Nullable String error) {

    static RunResult failed(Workload workload, PeerSystem system, DurabilityMode durability, int repetition,
            double loadAverage, String error) {
        return new RunResult(workload, system, durability, repetition, 0, 0, null, loadAverage, error);
    }

    boolean ok() {
        return error == null;
    }

    /** The figure a table ranks by: records/s acknowledged (max rate), read (backlog) or delivered (fixed rate). */
    double recordsPerSec() {
        return workload.kind() == Workload.Kind.BACKLOG ? receivedPerSec : sentPerSec;
    }

    /** {@link #recordsPerSec()} in MB/s of record values (MB = 10<sup>6</sup> bytes). */
    double mbPerSec() {
        return recordsPerSec() * workload.recordSize() / 1e6;
    }

    /** Latency at {@code percentile} (0–100) in milliseconds; NaN when none was measured. */
    double latencyMs(double percentile) {
        if (latency == null || latency.getTotalCount() == 0) {
            return Double.NaN;
        }
        return latency.getValueAtPercentile(percentile) / 1e6;
    }

    double maxLatencyMs() {
        return latency == null || latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1e6;
    }
}
