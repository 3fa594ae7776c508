package io.pkgimage.junit.latency;

import java.util.List;

/** Order statistics of samples. */
public final class Stats {
    private Stats() {}

    /** The median; the mean of the two middle values for an even count. */
    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /**
     * The {@code p}th percentile, linearly interpolated between the closest ranks.
     *
     * @throws IllegalArgumentException for no values or {@code p} outside 0..100
     */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty() || p < 0 || p > 100) {
            throw new IllegalArgumentException(
                    "A percentile needs values and 0 <= p <= 100, not " + p + " of " + values.size() + " values");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
