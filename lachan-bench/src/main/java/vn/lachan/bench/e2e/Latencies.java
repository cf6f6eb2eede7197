package vn.lachan.bench.e2e;

import java.util.Arrays;

/**
 * Summarizes measured latencies exactly (nearest rank over every sample), in milliseconds.
 *
 * @param count samples
 * @param p50Ms the median, NaN without samples
 * @param p99Ms the 99th percentile, NaN without samples
 * @param maxMs the largest, NaN without samples
 */
record Latencies(int count, double p50Ms, double p99Ms, double maxMs) {
    /** Returns the summary of {@code nanos} (each a duration in nanoseconds). */
    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.99)), ms(sorted[sorted.length - 1]));
    }

    /** Returns the nearest-rank {@code q} quantile of sorted values. */
    static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
