package vn.lachan.bench.authz;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

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
 * @param worstOfClient the largest gate share of the client round trip over the warm loops, in percent
 * @param worstOfServerCpu the largest gate share of the server's CPU per call over the warm loops, in percent
 * @param worstOfServerTimer the largest gate share of the server's request timer over the warm loops, in percent
 * @param verdict the target, met or not, per denominator, in words
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
        double worstOfClient,
        double worstOfServerCpu,
        double worstOfServerTimer,
        String verdict) {
    static final double TARGET_PERCENT = 5.0;

    AuthzReport {
        figures = List.copyOf(figures);
    }

    /** Returns the warm loop (token cached) with the largest share by {@code share}, or null without one. */
    static @Nullable CallFigures worst(List<CallFigures> figures, ToDoubleFunction<CallFigures> share) {
        return figures.stream()
                .filter(f -> !f.mode().equals("cold-token") && !Double.isNaN(share.applyAsDouble(f)))
                .max(Comparator.comparingDouble(share))
                .orElse(null);
    }

    /** Returns the largest share by {@code share} among the warm loops, NaN without one. */
    static double share(List<CallFigures> figures, ToDoubleFunction<CallFigures> share) {
        CallFigures f = worst(figures, share);
        return f == null ? Double.NaN : share.applyAsDouble(f);
    }

    /** Returns the verdict per denominator, naming the loop where the gate weighs most. */
    static String judge(List<CallFigures> figures) {
        StringBuilder out = new StringBuilder();
        out.append(line(figures, "the client round trip", CallFigures::gateShareOfClient));
        out.append(line(figures, "the server's CPU per call", CallFigures::gateShareOfServerCpu));
        out.append(line(figures, "the server's request timer", CallFigures::gateShareOfServer));
        return out.toString().stripTrailing();
    }

    private static String line(List<CallFigures> figures, String denominator, ToDoubleFunction<CallFigures> share) {
        CallFigures f = worst(figures, share);
        if (f == null) {
            return "";
        }
        double worst = share.applyAsDouble(f);
        return String.format(
                Locale.ROOT,
                "%s: the gate is at most %.2f %% of %s (target < %.0f %%), on %s %s %s%n",
                worst < TARGET_PERCENT ? "met" : "NOT met",
                worst,
                denominator,
                TARGET_PERCENT,
                f.caller(),
                f.mode(),
                f.call());
    }
}
