package vn.lachan.bench.e2e;

import java.util.Locale;

/** Writes an end-to-end report as a summary for people, one block per phase and one line per target. */
final class ReportText {
    private ReportText() {}

    static String write(E2eReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "lachan serve end to end: commit %s, %s, started %s", r.commit(), r.machine(), r.started());
        if (r.capacity() > 0) {
            line(out, "capacity (events stored per second, backlog capped): %,.0f", r.capacity());
        }
        for (PhaseReport p : r.phases()) {
            phase(out, p);
        }
        line(out, "");
        line(out, "targets (issue 3):");
        for (E2eReport.Verdict v : r.targets()) {
            line(out, "  %-8s %s: %s", v.verdict(), v.target(), v.measured());
        }
        return out.toString();
    }

    private static void phase(StringBuilder out, PhaseReport p) {
        PhaseReport.Sending s = p.sending();
        PhaseReport.Store st = p.store();
        PhaseReport.Latency l = p.latency();
        PhaseReport.Server sv = p.server();
        line(out, "");
        line(
                out,
                "%s at %s (load %.2f -> %.2f)",
                p.name(),
                p.targetRate() == 0 ? "full speed" : PhaseRun.rate(p.targetRate()),
                p.loadBefore(),
                p.loadAfter());
        line(
                out,
                "  sent      %,d offered, %,d acknowledged in %.1f s = %,.0f events/s; shortfall %,d; "
                        + "429: %,d (waited %.0f s); errors %,d; abandoned %,d",
                s.offered(),
                s.acknowledged(),
                s.seconds(),
                s.acknowledgedRate(),
                s.shortfall(),
                s.refusals(),
                s.retryWaitSeconds(),
                s.errors(),
                s.abandoned());
        line(
                out,
                "  stored    %,d; lost %,d; %s in %.1f s after sending; rate while sending %,.0f, steady %,.0f, "
                        + "overall %,.0f events/s",
                st.stored(),
                st.lost(),
                st.drained() ? "drained" : "NOT drained",
                st.drainSeconds(),
                st.storedRateWhileSending(),
                st.storedRateSteady(),
                st.storedRateOverall());
        line(
                out,
                "  probes    %d/%d alerts seen; due->alert p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "post->alert p99 %.0f ms; post->202 p99 %.0f ms",
                l.probesAlerted(),
                l.probesSent(),
                l.dueToAlert().p50Ms(),
                l.dueToAlert().p99Ms(),
                l.dueToAlert().maxMs(),
                l.postToAlert().p99Ms(),
                l.postToAck().p99Ms());
        line(
                out,
                "  server    alert latency p50 <= %s, p99 <= %s (%,d alerts); receipt->stored p50 <= %s, p99 <= %s; "
                        + "stream: %,d alerts, %d overflows",
                seconds(l.serverAlertP50()),
                seconds(l.serverAlertP99()),
                l.serverAlertCount(),
                seconds(l.serverStoreP50()),
                seconds(l.serverStoreP99()),
                l.streamAlerts(),
                l.streamOverflows());
        windows(out, l);
        line(
                out,
                "  memory    heap peak %,d MiB, after GC peak %,d MiB, after full GC peak %,d MiB (%d GCs, %d full, "
                        + "longest pause %,.0f ms); RSS peak %,d MiB; journal peak %,.1f MiB of %,.0f MiB; exit %d",
                sv.heapPeakMib(),
                sv.heapPeakAfterGcMib(),
                sv.heapLiveMib(),
                sv.collections(),
                sv.fullCollections(),
                sv.longestPauseMs(),
                sv.rssPeakMib(),
                sv.journalPeakBytes() / 1048576.0,
                sv.journalBudgetBytes() / 1048576.0,
                sv.exitCode());
        cpu(out, p);
        if (sv.healthPollFailures() > 0) {
            line(
                    out,
                    "  health    %,d of %,d polls failed, the last: %s",
                    sv.healthPollFailures(),
                    sv.healthPolls(),
                    sv.lastPollFailure());
        }
        if (!s.firstError().isEmpty()) {
            line(out, "  first error: %s", s.firstError());
        }
    }

    /** Prints the probes' due → alert p50/p99 per window, to tell a warm-up stretch from a steady tail. */
    /** Writes the CPU line: what the server spent per stored event, and what the harness beside it spent. */
    private static void cpu(StringBuilder out, PhaseReport p) {
        PhaseReport.Server sv = p.server();
        if (sv.seconds() <= 0) {
            return;
        }
        long stored = p.store().stored();
        long acknowledged = p.sending().acknowledged();
        line(
                out,
                "  cpu       server %.1f s = %.1f us per stored event (%.2f cores over %.1f s); harness %.1f s ="
                        + " %.1f us per acknowledged event (%.2f cores)",
                sv.cpuSeconds(),
                stored == 0 ? 0 : sv.cpuSeconds() * 1e6 / stored,
                sv.cpuSeconds() / sv.seconds(),
                sv.seconds(),
                sv.harnessCpuSeconds(),
                acknowledged == 0 ? 0 : sv.harnessCpuSeconds() * 1e6 / acknowledged,
                sv.harnessCpuSeconds() / sv.seconds());
    }

    private static void windows(StringBuilder out, PhaseReport.Latency l) {
        if (l.dueToAlertWindows().size() < 2) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Latencies w : l.dueToAlertWindows()) {
            b.append(String.format(Locale.ROOT, " %.0f/%.0f", w.p50Ms(), w.p99Ms()));
        }
        line(out, "  windows   due->alert p50/p99 ms per %d s:%s", Figures.WINDOW_SECONDS, b);
        Latencies settled = l.dueToAlertSettled();
        line(
                out,
                "  settled   due->alert from %d s on: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d probes)",
                Figures.SETTLE_SECONDS,
                settled.p50Ms(),
                settled.p99Ms(),
                settled.maxMs(),
                settled.count());
    }

    private static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "n/a";
        }
        return Double.isInfinite(s) ? "inf" : String.format(Locale.ROOT, "%.3f s", s);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
