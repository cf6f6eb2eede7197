package vn.lachan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.bench.corpus.CompiledRules;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;

/**
 * Measures {@code lachan hunt} end to end on one thread: every SigmaHQ Windows rule compiled (time
 * and retained heap), then the whole OTRF corpus read and parsed with no rules (the limit) and with
 * every rule, the two phases alternating round after round so that both see the same machine load.
 *
 * <p>Prints a table, and JSON with {@code --json FILE}. Run it through {@code scripts/bench.sh
 * harness}; see {@code docs/performance.md}.
 */
public final class HuntHarness {
    private static final int MAX_PROBLEM_CHARS = 240;

    private HuntHarness() {}

    /** Runs the harness with the command-line arguments described by {@code --help}. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(HarnessOptions.USAGE);
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        HarnessReport report = run(options, out);
        out.println();
        out.print(report.table());
        if (options.json() != null) {
            write(options.json(), ReportJson.write(report, "HuntHarness " + ReportJson.joinArgs(arguments)));
            out.println("json written to " + options.json());
        }
    }

    static HarnessReport run(HarnessOptions options, PrintStream out) {
        Machine machine = Machine.current();
        List<Path> ruleFolders = BenchCorpus.windowsRuleFolders();
        out.println("compiling the rules in " + ruleFolders);
        CompiledRules rules = BenchCorpus.compileMeasured(ruleFolders);
        problems(out, "rejected by the parser", rules.rejected());
        problems(out, "left out or warned about by the engine", rules.engine().problems());
        Path events = Objects.requireNonNullElseGet(options.events(), BenchCorpus::otrf);
        List<Path> files = new EventFiles(problem -> {}).list(List.of(events));
        out.printf("reading %d event files under %s%n", files.size(), events);
        PhaseRunner runner = new PhaseRunner(files, options.limit(), rules.engine());
        List<PhaseResult> passes = new ArrayList<>();
        for (int round = 1 - options.warmup(); round <= options.rounds(); round++) {
            int shown = Math.max(round, 0);
            // ABBA order: a slow drift of the machine's speed weighs on both phases alike
            boolean parseFirst = Math.floorMod(round, 2) == 1;
            for (Phase phase : parseFirst
                    ? List.of(Phase.PARSE_ONLY, Phase.WITH_RULES)
                    : List.of(Phase.WITH_RULES, Phase.PARSE_ONLY)) {
                PhaseResult pass = runner.run(phase, shown);
                passes.add(pass);
                out.printf(
                        java.util.Locale.ROOT,
                        "round %s %-10s %,d events in %.3f s: %,.0f events/s (load %.2f)%n",
                        shown == 0 ? "warm" : shown,
                        phase.label(),
                        pass.events(),
                        pass.seconds(),
                        pass.eventsPerSecond(),
                        pass.loadAfter());
            }
        }
        out.println("checksum " + runner.checksum());
        long heapAfterRun = BenchCorpus.settledHeapBytes() - rules.heapBeforeBytes();
        java.lang.ref.Reference.reachabilityFence(rules.engine());
        return new HarnessReport(
                machine,
                options,
                rules,
                rules.engine().rulesLoaded(),
                rules.engine().problems().size(),
                passes,
                Math.max(0, heapAfterRun));
    }

    private static void problems(PrintStream out, String what, List<Problem> problems) {
        out.printf("%d rule problems %s%n", problems.size(), what);
        for (Problem problem : problems) {
            String text = problem.toString().replace('\n', ' ');
            out.println("  " + (text.length() > MAX_PROBLEM_CHARS ? text.substring(0, MAX_PROBLEM_CHARS) + "…" : text));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report to " + file, e);
        }
    }
}
