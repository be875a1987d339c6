package dev.polychat.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of samples, in the samples' unit. */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<? extends Number> samples) {
        double[] values = samples.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(values);
        return new Percentiles(values);
    }

    /** The value at percentile {@code p} (0–100); NaN when there are no samples. */
    public double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double p50() {
        return at(50);
    }

    public double p99() {
        return at(99);
    }

    public int count() {
        return sorted.length;
    }

    /** Rounds to two decimals, so the JSON and the table show the same figure. */
    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100.0) / 100.0;
    }
}
