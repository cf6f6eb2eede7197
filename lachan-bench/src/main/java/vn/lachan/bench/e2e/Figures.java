package vn.lachan.bench.e2e;

import java.time.Duration;
import java.util.List;

/** Turns what a phase collected (sender counters, probe times, scrapes, samples) into report records. */
final class Figures {
    private static final String ALERT_LATENCY = "lachan_alert_latency_seconds";
    private static final String STORE_LATENCY = "lachan_pipeline_latency_seconds";
    private static final long MIB = 1024 * 1024;
    /** The width of the windows the probes' latencies are also summarized in. */
    static final long WINDOW_SECONDS = 10;
    /** How long after the first probe the server counts as warmed up (JIT, the engine's lazy buckets). */
    static final long SETTLE_SECONDS = 30;

    private Figures() {}

    static PhaseReport.Sending sending(SenderCounts c) {
        double seconds = c.sendingNanos.get() / 1e9;
        long acked = c.acknowledged.get();
        long requests = c.batches.get();
        return new PhaseReport.Sending(
                seconds,
                c.offered.get(),
                acked,
                seconds <= 0 ? 0 : acked / seconds,
                c.scheduledShortfall.get(),
                c.refusals.get(),
                c.retryWaitMillis.get() / 1000.0,
                c.errors.get(),
                c.abandonedEvents.get(),
                requests,
                requests == 0 ? 0 : c.postNanos.get() / 1e6 / requests,
                c.firstError);
    }

    static PhaseReport.Latency latency(Probes probes, AlertWatcher watcher, String before, String after) {
        List<Probes.Times> all = probes.all();
        long[] dueToAlert = all.stream()
                .filter(t -> t.alerted > 0)
                .mapToLong(t -> t.alerted - t.due)
                .toArray();
        long[] dueTimes =
                all.stream().filter(t -> t.alerted > 0).mapToLong(t -> t.due).toArray();
        long[] postToAlert = all.stream()
                .filter(t -> t.alerted > 0 && t.sent > 0)
                .mapToLong(t -> t.alerted - t.sent)
                .toArray();
        long[] postToAck = all.stream()
                .filter(t -> t.acknowledged > 0 && t.sent > 0)
                .mapToLong(t -> t.acknowledged - t.sent)
                .toArray();
        PromText.Histogram alerts =
                PromText.histogram(after, ALERT_LATENCY).minus(PromText.histogram(before, ALERT_LATENCY));
        PromText.Histogram stored =
                PromText.histogram(after, STORE_LATENCY).minus(PromText.histogram(before, STORE_LATENCY));
        return new PhaseReport.Latency(
                probes.created(),
                (int) watcher.probeAlerts(),
                Latencies.of(dueToAlert),
                Latencies.of(postToAlert),
                Latencies.of(postToAck),
                alerts.quantile(0.50),
                alerts.quantile(0.99),
                alerts.count(),
                stored.quantile(0.50),
                stored.quantile(0.99),
                watcher.alerts(),
                watcher.overflows(),
                Latencies.windows(dueTimes, dueToAlert, WINDOW_SECONDS * 1_000_000_000L),
                settled(dueTimes, dueToAlert));
    }

    /** Returns the due → alert latencies of the probes due {@link #SETTLE_SECONDS} or more after the first. */
    static Latencies settled(long[] dueTimes, long[] dueToAlert) {
        long first = java.util.Arrays.stream(dueTimes).min().orElse(0);
        long from = first + SETTLE_SECONDS * 1_000_000_000L;
        return Latencies.of(java.util.stream.IntStream.range(0, dueTimes.length)
                .filter(i -> dueTimes[i] >= from)
                .mapToLong(i -> dueToAlert[i])
                .toArray());
    }

    /**
     * Returns the server's figures; {@code cpu} holds the server's and the harness's CPU time over {@code
     * seconds}.
     */
    static PhaseReport.Server server(
            GcLog gc, long hwmKib, Monitor monitor, Monitor.Sample last, int exit, Duration[] cpu, double seconds) {
        return new PhaseReport.Server(
                gc.peakBeforeMib(),
                gc.peakAfterMib(),
                gc.collections(),
                gc.fullCollections(),
                Math.max(hwmKib, monitor.peakRssKib()) * 1024 / MIB,
                monitor.peakJournalBytes(),
                last.budgetBytes(),
                exit,
                monitor.pollCounts()[0],
                monitor.pollCounts()[1],
                monitor.lastFailure(),
                gc.peakAfterFullMib(),
                gc.longestPauseMs(),
                cpu[0].toNanos() / 1e9,
                cpu[1].toNanos() / 1e9,
                seconds);
    }

    /** Returns the least-squares slope of stored events over time (events/s), or 0 with under two samples. */
    static double steadyRate(List<Monitor.Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double t0 = samples.getFirst().nanos();
        double sumT = 0;
        double sumS = 0;
        for (Monitor.Sample s : samples) {
            sumT += (s.nanos() - t0) / 1e9;
            sumS += s.stored();
        }
        double meanT = sumT / n;
        double meanS = sumS / n;
        double num = 0;
        double den = 0;
        for (Monitor.Sample s : samples) {
            double dt = (s.nanos() - t0) / 1e9 - meanT;
            num += dt * (s.stored() - meanS);
            den += dt * dt;
        }
        return den == 0 ? 0 : num / den;
    }
}
