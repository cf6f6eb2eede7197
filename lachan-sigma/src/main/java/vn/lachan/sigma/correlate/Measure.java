package vn.lachan.sigma.correlate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.lachan.sigma.rule.CorrelationRule;

/** Computes what a correlation measures over a window's matches, and whether its bounds hold. */
final class Measure {
    private Measure() {}

    /** Returns the measured value, or NaN when there is nothing to measure (no numeric value). */
    static double of(Node node, List<GroupWindow.Entry> entries) {
        return switch (node.rule.type()) {
            case EVENT_COUNT -> entries.size();
            case VALUE_COUNT -> distinctValues(entries);
            case TEMPORAL -> distinctRules(entries);
            case TEMPORAL_ORDERED -> orderedPrefix(entries, node.rule.rules().size());
            case VALUE_SUM -> sum(numbers(entries));
            case VALUE_AVG -> average(numbers(entries));
            case VALUE_PERCENTILE -> percentile(numbers(entries), node.percentile);
        };
    }

    /** Returns whether every bound holds for the value; false for NaN. */
    static boolean holds(List<CorrelationRule.Bound> bounds, double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        for (CorrelationRule.Bound bound : bounds) {
            if (!bound.op().holds(Double.compare(value, bound.value().doubleValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the index of the first entry that took part in the measure: for temporal_ordered the
     * first match of the first rule (earlier matches of later rules are not part of the sequence),
     * else 0.
     */
    static int start(Node node, List<GroupWindow.Entry> entries) {
        if (node.rule.type() != CorrelationRule.Type.TEMPORAL_ORDERED) {
            return 0;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).position() == 0) {
                return i;
            }
        }
        return 0;
    }

    private static int distinctValues(List<GroupWindow.Entry> entries) {
        Set<String> seen = new HashSet<>();
        for (GroupWindow.Entry entry : entries) {
            String value = entry.distinct();
            if (value != null) {
                seen.add(value);
            }
        }
        return seen.size();
    }

    private static int distinctRules(List<GroupWindow.Entry> entries) {
        Set<Integer> seen = new HashSet<>();
        for (GroupWindow.Entry entry : entries) {
            seen.add(entry.position());
        }
        return seen.size();
    }

    /**
     * Returns how many of the rules, from the first on, matched in their listed order (the greedy
     * earliest-match scan finds the longest such prefix). Equal times count as in order.
     */
    private static int orderedPrefix(List<GroupWindow.Entry> entries, int rules) {
        int next = 0;
        for (GroupWindow.Entry entry : entries) {
            if (next < rules && entry.position() == next) {
                next++;
            }
        }
        return next;
    }

    private static double[] numbers(List<GroupWindow.Entry> entries) {
        return entries.stream()
                .mapToDouble(GroupWindow.Entry::number)
                .filter(n -> !Double.isNaN(n))
                .toArray();
    }

    private static double sum(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum();
    }

    private static double average(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    /**
     * Returns the percentile at the rank (0–100) by linear interpolation between the closest ranks
     * (the method numpy and most spreadsheets use by default).
     */
    static double percentile(double[] values, double rank) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * rank / 100.0;
        int low = (int) Math.floor(h);
        int high = (int) Math.ceil(h);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
