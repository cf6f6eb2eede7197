package vn.lachan.bench.e2e;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.bench.e2e.E2eOptions.PhaseKind;
import vn.lachan.testkit.Corpus;

/**
 * Measures {@code lachan serve} against issue 3's targets: a server in its own JVM ({@code -Xmx2g}) per
 * phase, OTRF events sent from this JVM over HTTP NDJSON at a paced rate, every acknowledged event checked
 * stored, latency probes timed to their alert on the live stream. Phases: sustained rate, capacity (the
 * most events stored per second with a bounded backlog), latency at half the capacity and at 25,000
 * events/s, and a burst of ten times the capacity. Prints a summary and writes a JSON report.
 *
 * <p>Run it with {@code scripts/bench.sh e2e}; see docs/performance.md.
 */
public final class E2eHarness {
    private static final double FULL_SPEED = 10_000_000;

    private final E2eOptions options;
    private final PrintStream log;

    E2eHarness(E2eOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the harness with command-line arguments (see {@code scripts/bench.sh e2e --help}). */
    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(E2eOptions.USAGE);
            return;
        }
        E2eOptions options;
        try {
            options = E2eOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("e2e: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Corpus.find().isEmpty()) {
            System.err.println(
                    "e2e: the shared corpus (../shared/corpus, or -Dlachan.corpus) is absent: nothing to send");
            System.exit(2);
            return;
        }
        E2eReport report = new E2eHarness(options, System.out).run(String.join(" ", args));
        System.out.print(ReportText.write(report));
        if (options.json() != null) {
            WorkFiles.writeJson(report, options.json());
            System.out.println("e2e: JSON report in " + options.json());
        }
    }

    E2eReport run(String command) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path work = WorkFiles.workFolder(options.work(), "lachan-e2e");
        List<Path> rules = new ArrayList<>(
                options.rules().isEmpty() ? List.of(Corpus.get("sigma/rules/windows")) : options.rules());
        rules.add(Probes.writeRule(work.resolve("probe-rules")));
        PhaseRun runner = new PhaseRun(new PhaseRun.Setup(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                options.serverClasspath() != null ? options.serverClasspath() : System.getProperty("java.class.path"),
                options.serverOptions(),
                rules,
                options.journalBudget(),
                options.drainTimeout(),
                BenchCorpus.otrfArchives(),
                work,
                log,
                options.serverConfig(),
                options.preloadLines()));
        List<PhaseReport> phases = new ArrayList<>();
        double capacity = runPhases(runner, phases);
        if (!options.keep()) {
            WorkFiles.deleteTree(work);
        }
        return new E2eReport(
                command,
                Commit.describe(),
                Commit.machine(),
                started.toString(),
                capacity,
                List.copyOf(phases),
                E2eReport.judge(phases, capacity));
    }

    private double runPhases(PhaseRun runner, List<PhaseReport> phases) {
        if (options.phases().contains(PhaseKind.SUSTAINED)) {
            phases.add(runner.run("sustained", plan(options.rate(), options.duration(), 0)));
        }
        double capacity = options.capacity();
        boolean needed = options.phases().contains(PhaseKind.CAPACITY)
                || options.phases().contains(PhaseKind.BURST)
                || (options.phases().contains(PhaseKind.LATENCY)
                        && options.latencyRates().isEmpty());
        if (capacity == 0 && needed) {
            PhaseReport found =
                    runner.run("capacity", plan(FULL_SPEED, options.capacityDuration(), options.backlogCap()));
            phases.add(found);
            // the steady slope needs the store's counter to move while sending; when it moves in large steps, the
            // rate from the start to the drain (the backlog never emptied) is the lower, honest figure
            double steady = found.store().storedRateSteady();
            capacity = steady > 0 ? steady : found.store().storedRateOverall();
        }
        if (options.phases().contains(PhaseKind.LATENCY)) {
            for (double rate : options.latencyRatesFor(capacity)) {
                phases.add(runner.run("latency", plan(rate, options.duration(), 0)));
            }
        }
        if (options.phases().contains(PhaseKind.BURST) && capacity > 0) {
            phases.add(runner.run("burst", plan(capacity * options.burstFactor(), options.burstDuration(), 0)));
        }
        return capacity;
    }

    private Sender.Plan plan(double rate, Duration duration, long backlogCap) {
        return new Sender.Plan(
                rate,
                duration,
                options.tick(),
                options.maxBatch(),
                options.workers(),
                options.probeEvery(),
                backlogCap);
    }
}
