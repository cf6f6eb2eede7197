package vn.lachan.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one phase on a fresh server: start it, follow its alert stream, send on the plan, wait for the
 * backlog to drain, collect the figures, stop it.
 */
final class PhaseRun {
    /** What the phases share: how to start a server and where the events come from. */
    record Setup(
            String java,
            String classpath,
            List<String> jvmOptions,
            List<Path> rules,
            String journalBudget,
            Duration drainTimeout,
            List<Path> archives,
            Path work,
            PrintStream log,
            String moreConfig,
            long preloadLines) {}

    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final Duration PROBE_GRACE = Duration.ofSeconds(10);

    private final Setup setup;

    PhaseRun(Setup setup) {
        this.setup = setup;
    }

    PhaseReport run(String name, Sender.Plan plan) {
        Path folder = setup.work().resolve(name + "-" + (long) plan.rate());
        double loadBefore = LoadAverage.now();
        setup.log()
                .printf(
                        Locale.ROOT,
                        "e2e: %s at %s for %d s: starting the server in %s%n",
                        name,
                        plan.backlogCap() > 0
                                ? "full speed (backlog cap " + plan.backlogCap() + ")"
                                : rate(plan.rate()),
                        plan.duration().toSeconds(),
                        folder);
        ServerProcess server = ServerProcess.start(new ServerProcess.Launch(
                setup.java(),
                setup.classpath(),
                setup.jvmOptions(),
                folder,
                setup.rules(),
                setup.journalBudget(),
                setup.moreConfig()));
        try {
            return measure(name, plan, server, loadBefore);
        } finally {
            server.close();
        }
    }

    private PhaseReport measure(String name, Sender.Plan plan, ServerProcess server, double loadBefore) {
        Probes probes = new Probes();
        try (Monitor monitor = new Monitor(server);
                AlertWatcher watcher = new AlertWatcher(server.baseUrl(), server.token(), probes);
                OtrfFeed feed = new OtrfFeed(setup.archives(), setup.preloadLines())) {
            feed.awaitFirstLines();
            if (setup.preloadLines() > 0) {
                setup.log()
                        .printf(
                                Locale.ROOT,
                                "e2e: %s: the sender sends the first %,d OTRF lines over and over (--preload)%n",
                                name,
                                setup.preloadLines());
            }
            String metricsBefore = scrape(monitor);
            Duration serverCpu = server.cpu();
            Duration harnessCpu = harnessCpu();
            long start = System.nanoTime();
            SenderCounts counts = new Sender(server.baseUrl(), server.token(), feed, probes, monitor::lag)
                    .run(plan, setup.drainTimeout());
            long sendEnd = start + counts.sendingNanos.get();
            setup.log()
                    .printf(
                            Locale.ROOT,
                            "e2e: %s: sent for %.1f s, %,d acknowledged; waiting for the drain%n",
                            name,
                            counts.sendingNanos.get() / 1e9,
                            counts.acknowledged.get());
            boolean drained = monitor.awaitDrained(counts.acknowledged.get(), QUIET, setup.drainTimeout());
            long drainedAt = System.nanoTime();
            Duration[] cpu = {server.cpu().minus(serverCpu), harnessCpu().minus(harnessCpu)};
            awaitProbes(watcher, probes);
            String metricsAfter = scrape(monitor);
            Monitor.Sample last = monitor.latest();
            PhaseReport.Store store = store(monitor, counts, last, drained, start, sendEnd, drainedAt);
            PhaseReport.Latency latency = Figures.latency(probes, watcher, metricsBefore, metricsAfter);
            long hwm = server.rssKib()[1];
            monitor.close(); // before the stop, so that no poll fails on a server going away
            int exit = server.stop();
            PhaseReport.Server srv = Figures.server(
                    GcLog.read(server.gcLog()), hwm, monitor, last, exit, cpu, (drainedAt - start) / 1e9);
            return new PhaseReport(
                    name,
                    plan.backlogCap() > 0 ? 0 : plan.rate(),
                    Figures.sending(counts),
                    store,
                    latency,
                    srv,
                    loadBefore,
                    LoadAverage.now());
        }
    }

    private static PhaseReport.Store store(
            Monitor monitor,
            SenderCounts counts,
            Monitor.Sample last,
            boolean drained,
            long start,
            long sendEnd,
            long drainedAt) {
        List<Monitor.Sample> during = monitor.between(start, sendEnd);
        double sendSeconds = (sendEnd - start) / 1e9;
        long storedAtSendEnd = during.isEmpty() ? 0 : during.getLast().stored();
        long firstStored = during.isEmpty() ? 0 : during.getFirst().stored();
        return new PhaseReport.Store(
                last.stored(),
                counts.acknowledged.get() - last.stored(),
                drained,
                (drainedAt - sendEnd) / 1e9,
                sendSeconds <= 0 ? 0 : (storedAtSendEnd - firstStored) / sendSeconds,
                Figures.steadyRate(monitor.between(start + (sendEnd - start) / 3, sendEnd)),
                last.stored() / Math.max(1e-9, (drainedAt - start) / 1e9),
                last.storeFailures());
    }

    private static Duration harnessCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void awaitProbes(AlertWatcher watcher, Probes probes) {
        long deadline = System.nanoTime() + PROBE_GRACE.toNanos();
        while (watcher.probeAlerts() < probes.created() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String scrape(Monitor monitor) {
        try {
            return monitor.get("/metrics");
        } catch (IOException e) {
            setup.log().println("e2e: cannot scrape /metrics: " + e.getMessage());
            return "";
        }
    }

    static String rate(double rate) {
        return String.format(Locale.ROOT, "%,.0f events/s", rate);
    }
}
