package io.tributary.bench.compare;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median and spread of one figure over the repetitions of a run.
 *
 * @param count  how many repetitions measured it
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min    the lowest
 * @param max    the highest
 */
record Stats(int count, double median, double min, double max) {

    static final Stats NONE = new Stats(0, Double.NaN, Double.NaN, Double.NaN);

    /** The stats of {@code values}, ignoring NaNs; {@link #NONE} when nothing is left. */
    static Stats of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return NONE;
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(sorted.length, median, sorted[0], sorted[sorted.length - 1]);
    }

    static Stats of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    boolean isEmpty() {
        return count == 0;
    }
}
