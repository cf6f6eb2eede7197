package vn.lachan.bench.authz;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads one Micrometer timer out of a Prometheus text exposition ({@code GET /metrics}): its count and sum per
 * call ({@code METHOD route}), added up over the timer's other labels (status, how the caller came, outcome).
 * The difference of two scrapes is what happened between them.
 *
 * @param calls the count and the sum in seconds, by {@code METHOD route}
 */
record TimerTotals(Map<String, Totals> calls) {
    /** How many observations and their sum in seconds. */
    record Totals(double count, double sumSeconds) {
        static final Totals NONE = new Totals(0, 0);

        Totals plus(Totals other) {
            return new Totals(count + other.count, sumSeconds + other.sumSeconds);
        }

        Totals minus(Totals earlier) {
            return new Totals(count - earlier.count, sumSeconds - earlier.sumSeconds);
        }

        /** Returns the mean in microseconds, NaN without observations. */
        double meanMicros() {
            return count <= 0 ? Double.NaN : sumSeconds / count * 1e6;
        }
    }

    TimerTotals {
        calls = Map.copyOf(calls);
    }

    /** Returns timer {@code name} (the Prometheus base name, e.g. {@code lachan_http_gate_seconds}) in {@code text}. */
    static TimerTotals read(String text, String name) {
        Map<String, Totals> calls = new HashMap<>();
        String count = name + "_count{";
        String sum = name + "_sum{";
        for (String line : text.split("\n")) {
            boolean isCount = line.startsWith(count);
            if (!isCount && !line.startsWith(sum)) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labels = line.substring(line.indexOf('{') + 1, close);
            String key = label(labels, "method") + " " + label(labels, "route");
            double value = Double.parseDouble(line.substring(close + 1).strip().split(" ")[0]);
            Totals t = isCount ? new Totals(value, 0) : new Totals(0, value);
            calls.merge(key, t, Totals::plus);
        }
        return new TimerTotals(calls);
    }

    /** Returns the totals of one call, e.g. {@code GET /api/v1/alerts}; none when it was not seen. */
    Totals of(String call) {
        return calls.getOrDefault(call, Totals.NONE);
    }

    /** Returns what this scrape counted beyond {@code earlier} for {@code call}. */
    Totals since(TimerTotals earlier, String call) {
        return of(call).minus(earlier.of(call));
    }

    static String label(String labels, String name) {
        String key = name + "=\"";
        int at = labels.startsWith(key) ? 0 : labels.indexOf("," + key) + 1;
        if (at == 0 && !labels.startsWith(key)) {
            return "";
        }
        int start = at + key.length();
        int end = labels.indexOf('"', start);
        return end < 0 ? "" : labels.substring(start, end);
    }
}
