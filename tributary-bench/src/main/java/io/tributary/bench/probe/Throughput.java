package io.tributary.bench.probe;

/**
 * Bytes moved in a time.
 *
 * @param bytes bytes written or read
 * @param nanos time it took, in nanoseconds
 */
record Throughput(long bytes, long nanos) {

    static final Throughput NONE = new Throughput(0, 0);

    Throughput {
        if (bytes < 0 || nanos < 0) {
            throw new IllegalArgumentException("bytes and nanos cannot be negative: " + bytes + " B in " + nanos + " ns");
        }
    }

    /** MB/s with MB = 10<sup>6</sup> bytes, as fio and the reference notes count; 0 when nothing was timed. */
    double mbPerSec() {
        return nanos == 0 ? 0 : bytes * 1_000.0 / nanos;
    }

    double seconds() {
        return nanos / 1e9;
    }

    boolean isEmpty() {
        return bytes == 0;
    }
}
