package vn.lachan.bench.e2e;

import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads one histogram out of a Prometheus text exposition ({@code GET /metrics}) and turns the difference
 * of two scrapes into quantiles. A quantile is reported as the upper bound of the bucket it falls in, the
 * most a histogram can honestly say.
 */
final class PromText {
    /** The cumulative bucket counts of one histogram, by upper bound in seconds, and its maximum gauge. */
    record Histogram(TreeMap<Double, Double> buckets, double max) {
        static final Histogram EMPTY = new Histogram(new TreeMap<>(), 0);

        /** Returns this histogram's counts less {@code earlier}'s: what happened between two scrapes. */
        Histogram minus(Histogram earlier) {
            TreeMap<Double, Double> diff = new TreeMap<>();
            buckets.forEach((le, n) -> diff.put(le, n - earlier.buckets.getOrDefault(le, 0.0)));
            return new Histogram(diff, max);
        }

        /** Returns how many observations the histogram holds. */
        long count() {
            return buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
        }

        /** Returns the upper bound (seconds) of the bucket holding quantile {@code q}, or NaN when empty. */
        double quantile(double q) {
            long total = count();
            if (total == 0) {
                return Double.NaN;
            }
            double rank = Math.ceil(q * total);
            for (var e : buckets.entrySet()) {
                if (e.getValue() >= rank) {
                    return e.getKey();
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    private PromText() {}

    /** Returns histogram {@code name} (e.g. {@code lachan_alert_latency_seconds}) from {@code text}. */
    static Histogram histogram(String text, String name) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double max = 0;
        String bucket = name + "_bucket{";
        String maxName = name + "_max";
        for (String line : text.split("\n")) {
            if (line.startsWith(bucket)) {
                int le = line.indexOf("le=\"");
                int close = line.indexOf('"', le + 4);
                if (le < 0 || close < 0) {
                    continue;
                }
                String bound = line.substring(le + 4, close);
                double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.merge(upper, value(line), Double::sum);
            } else if (line.startsWith(maxName + " ") || line.startsWith(maxName + "{")) {
                max = Math.max(max, value(line));
            }
        }
        return new Histogram(buckets, max);
    }

    private static double value(String line) {
        int labels = line.lastIndexOf('}');
        String rest = labels >= 0 ? line.substring(labels + 1) : line.substring(line.indexOf(' ') + 1);
        String v = rest.strip().split(" ", 2)[0];
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "nan", "" -> 0;
            case "+inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
