package vn.lachan.bench.authz;

import java.util.List;
import java.util.Locale;

/**
 * The authorization harness's report: the setting, every loop's figures, and the verdict on issue 5's target
 * (authorization adds less than 5 % to the cost of an API call).
 *
 * @param command the harness's arguments
 * @param commit the tree measured
 * @param machine CPU, cores, Java
 * @param started when the run started (UTC)
 * @param loadBefore the load averages before the server started
 * @param loadAfter the load averages after the last loop
 * @param organizations organizations created (the monitoring center not counted)
 * @param officerOrganizations organizations the officer sees (its department and its units)
 * @param eventsFed events fed before timing
 * @param eventCode the {@code event.code} the search asks for
 * @param figures every loop's figures, in the order run
 * @param worstWarmShare the largest gate share (of client or server time) over the warm loops, in percent
 * @param worstColdShare the largest gate share over the cold-token loops, in percent
 * @param verdict the target, met or not, in words
 */
record AuthzReport(
        String command,
        String commit,
        String machine,
        String started,
        String loadBefore,
        String loadAfter,
        int organizations,
        int officerOrganizations,
        long eventsFed,
        String eventCode,
        List<CallFigures> figures,
        double worstWarmShare,
        double worstColdShare,
        String verdict) {
    static final double TARGET_PERCENT = 5.0;

    AuthzReport {
        figures = List.copyOf(figures);
    }

    /** Returns the largest share among the loops whose mode is (or is not) the cold-token one. */
    static double worst(List<CallFigures> figures, boolean cold) {
        return figures.stream()
                .filter(f -> f.mode().equals("cold-token") == cold)
                .mapToDouble(CallFigures::worstShare)
                .max()
                .orElse(Double.NaN);
    }

    /** Returns the verdict on the target for the warm loops, the cold ones named apart. */
    static String judge(double warm, double cold) {
        return String.format(
                Locale.ROOT,
                "%s: the gate's largest share of a call, token cached, is %.2f %% (target < %.0f %%); the first call"
                        + " of a token, %.2f %%",
                warm < TARGET_PERCENT ? "met" : "NOT met",
                warm,
                TARGET_PERCENT,
                cold);
    }
}
