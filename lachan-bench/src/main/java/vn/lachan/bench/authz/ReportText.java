package vn.lachan.bench.authz;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Writes the authorization report as Markdown tables, the form docs/performance.md takes. */
final class ReportText {
    private ReportText() {}

    static String write(AuthzReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "# Authorization's share of an API call (scripts/bench.sh authz %s)", r.command());
        line(out, "commit %s; %s; started %s", r.commit(), r.machine(), r.started());
        line(out, "load average before %s, after %s", r.loadBefore(), r.loadAfter());
        line(
                out,
                "%d organizations (province, departments, units); the officer sees %d; %d events fed; search term"
                        + " event.code:%s",
                r.organizations(),
                r.officerOrganizations(),
                r.eventsFed(),
                r.eventCode());
        out.append('\n');
        line(
                out,
                "| caller | mode | call | calls | page total | client mean / p50 / p99 µs | server mean µs | server"
                        + " CPU µs/call | gate mean µs | gate / client | gate / server | gate / server CPU | load |");
        line(out, "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (CallFigures f : r.figures()) {
            line(
                    out,
                    "| %s | %s | %s | %d%s | %s | %.0f / %.0f / %.0f | %.0f | %.0f | %.2f | %.2f %% | %.2f %% | %.1f %% |"
                            + " %.2f |",
                    f.caller(),
                    f.mode(),
                    f.call(),
                    f.calls(),
                    f.failures() == 0 ? "" : " (" + f.failures() + " failed)",
                    f.pageTotal() < 0 ? "" : Long.toString(f.pageTotal()),
                    f.clientMeanMicros(),
                    f.clientP50Micros(),
                    f.clientP99Micros(),
                    f.serverMeanMicros(),
                    f.serverCpuMicros(),
                    f.gateMeanMicros(),
                    f.gateShareOfClient(),
                    f.gateShareOfServer(),
                    f.gateShareOfServerCpu(),
                    f.load1());
        }
        out.append('\n');
        out.append(r.verdict()).append('\n');
        for (CallFigures f : r.figures()) {
            if (f.firstFailure() != null || f.serverCalls() != f.gateCalls()) {
                line(
                        out,
                        "note: %s %s %s: %d failed (first: %s); server counted %d, gate %d",
                        f.caller(),
                        f.mode(),
                        f.call(),
                        f.failures(),
                        f.firstFailure(),
                        f.serverCalls(),
                        f.gateCalls());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, @Nullable Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
