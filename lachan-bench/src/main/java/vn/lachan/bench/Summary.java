package vn.lachan.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Sums up the measured rounds: medians of each phase's rate and of the per-round ratio.
 *
 * @param parseOnlyRate median events per second of the parse-only passes
 * @param withRulesRate median events per second of the passes with rules
 * @param ratio median over the rounds of (with rules / parse-only) in the same round
 * @param events events per pass (the same in every pass)
 * @param alerts alerts per pass with rules (the same in every such pass)
 * @param nsPerEventForRules median of (with-rules time − parse-only time) per event, in the same round
 * @param consistent whether every pass saw the same events and every pass with rules the same alerts
 */
record Summary(
        double parseOnlyRate,
        double withRulesRate,
        double ratio,
        long events,
        long alerts,
        double nsPerEventForRules,
        boolean consistent) {

    static Summary of(List<PhaseResult> measured) {
        List<PhaseResult> parse = only(measured, Phase.PARSE_ONLY);
        List<PhaseResult> rules = only(measured, Phase.WITH_RULES);
        double[] ratios = new double[parse.size()];
        double[] ruleNanos = new double[parse.size()];
        for (int i = 0; i < parse.size(); i++) {
            ratios[i] = rules.get(i).eventsPerSecond() / parse.get(i).eventsPerSecond();
            ruleNanos[i] = (double) (rules.get(i).nanos() - parse.get(i).nanos())
                    / Math.max(1, rules.get(i).events());
        }
        long[] events = measured.stream().mapToLong(PhaseResult::events).toArray();
        long[] alerts = rules.stream().mapToLong(PhaseResult::alerts).toArray();
        return new Summary(
                median(parse.stream().mapToDouble(PhaseResult::eventsPerSecond).toArray()),
                median(rules.stream().mapToDouble(PhaseResult::eventsPerSecond).toArray()),
                median(ratios),
                events[0],
                alerts[0],
                median(ruleNanos),
                allSame(events) && allSame(alerts));
    }

    private static List<PhaseResult> only(List<PhaseResult> results, Phase phase) {
        return results.stream().filter(r -> r.phase() == phase).toList();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // Every pass reads the same events with the same rules: a difference is a bug to report.
    private static boolean allSame(long[] values) {
        return Arrays.stream(values).allMatch(v -> v == values[0]);
    }
}
