package vn.lachan.bench.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * Returns the summaries of consecutive windows of {@code windowNanos}, counted from the earliest start:
     * {@code starts[i]} is when sample i began and {@code nanos[i]} how long it took. Shows whether a tail
     * is steady or comes from one stretch of the phase (the server warming up, a collection).
     */
    static List<Latencies> windows(long[] starts, long[] nanos, long windowNanos) {
        if (starts.length == 0) {
            return List.of();
        }
        long first = Arrays.stream(starts).min().orElseThrow();
        int count = (int) ((Arrays.stream(starts).max().orElseThrow() - first) / windowNanos) + 1;
        List<List<Long>> buckets = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            buckets.add(new ArrayList<>());
        }
        for (int i = 0; i < starts.length; i++) {
            buckets.get((int) ((starts[i] - first) / windowNanos)).add(nanos[i]);
        }
        return buckets.stream()
                .map(b -> of(b.stream().mapToLong(Long::longValue).toArray()))
                .toList();
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
