package vn.lachan.app.hunt;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lachan.ingest.file.ReadCounts;
import vn.lachan.sigma.rule.Level;

/** Runs Sigma rules over event files and writes the detections: the {@code lachan hunt} command. */
@Command(
        name = "hunt",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run Sigma rules over event files and print the detections.",
            "",
            "EVENTS are files or folders (read recursively, in name order) of JSON lines, JSON arrays,"
                    + " JSON documents (one or several, as evtx_dump writes them), .evtx, and any of those"
                    + " in .gz or .zip. Detections go to standard output, the summary and problems to"
                    + " standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the hunt ran (detections or not; see --fail-on)",
            "1:a detection at or above the --fail-on level was found",
            "2:bad usage, or an input, rule, mapping or placeholders path that cannot be read",
            "3:internal error (a bug: please report it with the message)"
        })
public final class HuntCommand implements Callable<Integer> {
    /** Exit code: the hunt ran. */
    public static final int OK = 0;
    /** Exit code: a detection at or above the {@code --fail-on} level was found. */
    public static final int DETECTED = 1;
    /** Exit code: bad usage or unreadable input. */
    public static final int BAD_INPUT = 2;

    @Option(
            names = {"-r", "--rules"},
            required = true,
            arity = "1",
            split = ",",
            paramLabel = "PATH",
            description = "Sigma rule files or folders (.yml, .yaml; folders read recursively). Repeat the"
                    + " option or separate paths with commas for several.")
    private List<Path> rules = new ArrayList<>();

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "Log-source mapping file (YAML); default: the mapping bundled with Lachan.")
    private @Nullable Path mapping;

    @Option(
            names = "--placeholders",
            paramLabel = "FILE",
            description = "Values for |expand placeholders (YAML: name: [values]); without it such rules are rejected.")
    private @Nullable Path placeholders;

    @Option(
            names = "--format",
            paramLabel = "jsonl|table",
            description = "Output format; default: table on a terminal, jsonl otherwise.")
    private HuntOptions.@Nullable OutputFormat format;

    @Option(names = "--stats", paramLabel = "FILE", description = "Write the run's statistics to FILE as JSON.")
    private @Nullable Path stats;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Files read and matched at once (default: ${DEFAULT-VALUE}). With N > 1 the detections"
                    + " are written file by file, in the order the files are listed.")
    private int threads;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Exit with code 1 when a detection of this level or higher is found"
                    + " (informational, low, medium, high, critical).")
    private @Nullable String failOn;

    @Parameters(arity = "1..*", paramLabel = "EVENTS", description = "Event files or folders.")
    private List<Path> events = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Detector.Factory detectors;

    HuntCommand(PrintStream out, PrintStream err, boolean terminal, Detector.Factory detectors) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.detectors = detectors;
    }

    /** Creates the command writing to the given streams, with the Sigma engine as its detector. */
    public static HuntCommand create(PrintStream out, PrintStream err, boolean terminal) {
        return new HuntCommand(out, err, terminal, SigmaDetector::load);
    }

    @Override
    public Integer call() {
        String unusable = checkUsage();
        if (unusable != null) {
            err.println("lachan hunt: " + unusable);
            return BAD_INPUT;
        }
        HuntOptions options = options();
        try {
            return run(options).exitCode();
        } catch (UncheckedIOException e) {
            err.println("lachan hunt: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private @Nullable String checkUsage() {
        if (threads < 1) {
            return "--threads must be 1 or more, was " + threads;
        }
        if (failOn != null && Level.parse(failOn.toLowerCase(Locale.ROOT)).isEmpty()) {
            return "--fail-on must be one of informational, low, medium, high, critical, was '" + failOn + "'";
        }
        List<Path> needed = new ArrayList<>(rules);
        needed.addAll(events);
        if (mapping != null) {
            needed.add(mapping);
        }
        if (placeholders != null) {
            needed.add(placeholders);
        }
        for (Path path : needed) {
            if (!Files.isReadable(path)) {
                return "cannot read " + path + ": "
                        + (Files.exists(path) ? "permission denied" : "there is no such file or folder");
            }
        }
        return null;
    }

    private HuntOptions options() {
        HuntOptions.OutputFormat chosen =
                format != null ? format : terminal ? HuntOptions.OutputFormat.TABLE : HuntOptions.OutputFormat.JSONL;
        Level level = failOn == null
                ? null
                : Level.parse(failOn.toLowerCase(Locale.ROOT)).orElseThrow();
        return new HuntOptions(rules, mapping, placeholders, events, chosen, stats, threads, level);
    }

    /** Runs the hunt with validated options; returns what it did. */
    HuntResult run(HuntOptions options) {
        long started = System.nanoTime();
        ProblemLog problems = new ProblemLog(err);
        Detector detector = detectors.create(options);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        detector.rejected().forEach(p -> err.println("lachan: rule rejected: " + p));
        detector.warnings().forEach(p -> err.println("lachan: warning: " + p));
        AtomicLong processed = new AtomicLong();
        ReadCounts counts;
        Hunt hunt;
        try (AlertWriter writer = AlertWriter.of(options.format(), out);
                Progress progress = new Progress(err, processed, terminal)) {
            hunt = new Hunt(detector, writer, problems, processed);
            counts = hunt.run(options.events(), options.threads());
        }
        out.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        HuntResult result = new HuntResult(
                counts,
                detector.rulesLoaded(),
                detector.rejected(),
                hunt.detections(),
                hunt.correlations(),
                seconds,
                loadSeconds,
                exitCode(options.failOn(), hunt));
        Report.summary(result, problems.shown().size(), err);
        if (options.stats() != null) {
            Report.stats(result, problems.shown(), options.stats());
        }
        return result;
    }

    private static int exitCode(@Nullable Level failOn, Hunt hunt) {
        if (failOn == null) {
            return OK;
        }
        for (Level level : Level.values()) {
            if (level.compareTo(failOn) >= 0 && hunt.detections().containsKey(level.keyword())) {
                return DETECTED;
            }
        }
        return OK;
    }
}
