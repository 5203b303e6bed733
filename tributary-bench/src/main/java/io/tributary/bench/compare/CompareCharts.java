package io.tributary.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of a comparison, drawn with XChart: throughput bars (median records/s per workload and
 * durability, one bar per system; a missing bar is a skipped or failed cell) and latency percentile curves
 * of workload 4 (the repetition with the median p99, per system and durability).
 */
final class CompareCharts {

    static final String THROUGHPUT_FILE = "benchmarks-compare-throughput.png";
    static final String LATENCY_FILE = "benchmarks-compare-latency.png";
    private static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};

    private CompareCharts() {
    }

    /** Writes the charts that have data into {@code directory}; returns the files written. */
    static List<Path> write(Comparison comparison, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        List<Workload> throughput = comparison.workloads().stream().filter(w -> w.kind() != Workload.Kind.FIXED_RATE).toList();
        if (!throughput.isEmpty()) {
            CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                    .title("Median records/s (missing bar: skipped or failed)").xAxisTitle("workload, durability")
                    .yAxisTitle("thousand records/s").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setAvailableSpaceFill(0.8);
            List<String> categories = new ArrayList<>();
            for (Workload workload : throughput) {
                for (DurabilityMode durability : comparison.durabilities()) {
                    categories.add(workload.label() + " " + durability.id());
                }
            }
            for (PeerSystem system : comparison.systems()) {
                List<Double> values = new ArrayList<>();
                for (Workload workload : throughput) {
                    for (DurabilityMode durability : comparison.durabilities()) {
                        double median = comparison.recordsPerSec(workload, system, durability).median();
                        values.add(Double.isNaN(median) ? 0 : median / 1000);
                    }
                }
                chart.addSeries(system.displayName(), categories, values);
            }
            Path file = directory.resolve(THROUGHPUT_FILE);
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
        }
        if (comparison.workloads().contains(Workload.LATENCY_20K)) {
            XYChart chart = new XYChartBuilder().width(1000).height(520)
                    .title("W4: 20,000 records/s × 1 KiB, intended send to read (repetition with the median p99)")
                    .xAxisTitle("percentile, as 1/(1 − p): 2 = p50, 100 = p99, 1000 = p99.9")
                    .yAxisTitle("latency ms").build();
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
            boolean any = false;
            for (PeerSystem system : comparison.systems()) {
                for (DurabilityMode durability : comparison.durabilities()) {
                    Histogram histogram = comparison.medianLatency(Workload.LATENCY_20K, system, durability);
                    if (histogram == null) {
                        continue;
                    }
                    double[] x = new double[PERCENTILES.length];
                    double[] y = new double[PERCENTILES.length];
                    for (int i = 0; i < PERCENTILES.length; i++) {
                        x[i] = 1 / (1 - PERCENTILES[i] / 100);
                        y[i] = Math.max(0.001, histogram.getValueAtPercentile(PERCENTILES[i]) / 1e6);
                    }
                    chart.addSeries(system.displayName() + " " + durability.id(), x, y).setMarker(SeriesMarkers.CIRCLE);
                    any = true;
                }
            }
            if (any) {
                Path file = directory.resolve(LATENCY_FILE);
                BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
                written.add(file);
            }
        }
        return written;
    }
}
