package vn.lachan.app.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.app.security.Foundation;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.pipeline.Pipeline;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/**
 * Starts the platform on its embedded defaults in a fresh data folder and feeds it a realistic sample
 * through its own HTTP ingest API, printing alerts as they are raised: {@code lachan demo}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the platform in a fresh data folder, feed it sample Windows logs through its HTTP ingest API"
                    + " and show the alerts as they are raised.",
            "Uses ../shared/corpus (SigmaHQ Windows rules, OTRF attack datasets) when present, else the bundled"
                    + " samples/ (8 rules, one correlation, 30 events of one attack story).",
            "Keeps running for you to explore the API until Ctrl-C, unless --once."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The demo's data folder, emptied first (default: lachan-demo).")
    Path data = Path.of("lachan-demo");

    @Option(
            names = "--http",
            paramLabel = "HOST:PORT",
            description = "Where the HTTP API listens (default 127.0.0.1:8080).")
    String http = "127.0.0.1:8080";

    @Option(
            names = "--syslog",
            paramLabel = "HOST:PORT",
            description = "Where syslog listens (default 127.0.0.1:1514).")
    String syslog = "127.0.0.1:1514";

    @Option(names = "--sample", paramLabel = "WHICH", description = "auto (corpus when present), corpus or bundled.")
    String sample = "auto";

    @Option(names = "--once", description = "Stop once the sample is processed, after printing a summary.")
    boolean once;

    private final PrintStream out;
    private final PrintStream err;

    /** Creates the command writing to the given streams. */
    public DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** How old the demo's recorded events may be and keep their own times: they date from 2019 and 2020. */
    private static final Duration DEMO_EVENT_AGE = Duration.ofDays(30 * 365);

    @Override
    public Integer call() {
        DemoSample chosen = DemoSample.choose(sample, err);
        if (chosen == null) {
            return 2;
        }
        if (!emptyDemoFolder(data)) {
            return 2;
        }
        ServeConfig config;
        try {
            config = ConfigReader.read(null, new ConfigReader.Overrides(data, http, syslog, chosen.rules()));
            // The samples are recorded logs, years old: retention by event time would delete them at once, and
            // the pipeline would take their times for a clock gone wrong (it believes two years by default).
            config = config.withStore(config.store().withoutRetention())
                    .withEventTimes(DEMO_EVENT_AGE, config.maxEventLead());
        } catch (ConfigReader.ConfigException e) {
            err.println("lachan demo: " + e.getMessage());
            return 2;
        }
        Platform platform;
        try {
            platform = Platform.start(config);
        } catch (RuntimeException e) {
            err.println("lachan demo: cannot start: " + e.getMessage());
            return 2;
        }
        return run(platform, chosen);
    }

    private int run(Platform platform, DemoSample chosen) {
        Banner.print(out, platform);
        out.println("lachan demo: feeding " + chosen.description() + " through POST /api/v1/ingest ...");
        out.flush();
        AlertStore alerts = java.util.Objects.requireNonNull(platform.alerts());
        AlertPrinter printer = new AlertPrinter(out);
        try (AutoCloseable subscription = alerts.subscribe(printer)) {
            long start = System.nanoTime();
            Foundation foundation = java.util.Objects.requireNonNull(platform.foundation());
            String feederToken = issue(foundation, "demo-feeder", Role.SOC_LEAD, Set.of(Scope.INGEST));
            long sent = new Feeder(platform.baseUrl(), feederToken, "demo", err).send(chosen.events());
            Pipeline pipeline = java.util.Objects.requireNonNull(platform.pipeline());
            pipeline.awaitCaughtUp(Duration.ofMinutes(10));
            summarize(platform, sent, Duration.ofNanos(System.nanoTime() - start), printer);
        } catch (Exception e) {
            err.println("lachan demo: " + e.getMessage());
            platform.close();
            return 2;
        }
        if (once) {
            platform.close();
            return 0;
        }
        hints(platform);
        ServeCommand.awaitStop(platform);
        return 0;
    }

    private void summarize(Platform platform, long sent, Duration took, AlertPrinter printer) {
        var stats = java.util.Objects.requireNonNull(platform.pipeline()).stats();
        var page = java.util.Objects.requireNonNull(platform.alerts())
                .search(new AlertQuery(null, null, null, java.util.Set.of(), null, null, 1, null));
        out.printf(
                java.util.Locale.ROOT,
                "lachan demo: %,d events sent, %,d stored, %,d kept raw, %,d rule firings, %,d alerts in %.1f s%n",
                sent,
                stats.stored(),
                stats.parseFailures(),
                stats.detections(),
                page.total(),
                took.toMillis() / 1000.0);
        printer.summary();
        out.flush();
    }

    private void hints(Platform platform) {
        String base = platform.baseUrl();
        out.println();
        out.println("Explore (Ctrl-C stops the platform; the data stays in " + data + "):");
        Foundation foundation = java.util.Objects.requireNonNull(platform.foundation());
        String token = issue(foundation, "demo-analyst", Role.SOC_ANALYST, Set.of(Scope.ADMIN));
        out.println("  export LACHAN_TOKEN=" + token + "   # a SOC analyst's API token, valid one day");
        out.println("  curl -s -H \"Authorization: Bearer $LACHAN_TOKEN\" '" + base
                + "/api/v1/alerts?level=high,critical&size=5'");
        out.println("  curl -s -H \"Authorization: Bearer $LACHAN_TOKEN\" -X POST " + base
                + "/api/v1/events/search -H 'Content-Type: application/json' \\");
        out.println(
                "       -d '{\"query\": \"host.name:\\\"STC-KT-PC12.stc.lachan.gov.vn\\\" AND event.code:1\", \"size\": 3}'");
        out.println("  curl -N -H \"Authorization: Bearer $LACHAN_TOKEN\" " + base
                + "/api/v1/alerts/stream        # live alerts");
        out.println("  logger --tcp --server 127.0.0.1 --port "
                + platform.syslogTcp().map(a -> a.getPort()).orElse(1514)
                + " 'sshd[1]: Failed password for root from 10.0.0.9'");
        out.flush();
    }

    private static String issue(Foundation foundation, String name, Role role, Set<Scope> scopes) {
        Instant expires = Instant.now().plus(Duration.ofDays(1));
        return foundation
                .tokens()
                .issue(name, role, foundation.monitoringCenter().id(), scopes, expires, null)
                .secret();
    }

    /** Empties the demo folder, refusing one that holds something else than a demo's data. */
    private boolean emptyDemoFolder(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> names = children.toList();
            if (!names.isEmpty() && !Files.exists(dir.resolve("instance-tag"))) {
                err.println("lachan demo: " + dir + " is not empty and not a Lachan data folder; give another --data");
                return false;
            }
        } catch (IOException e) {
            err.println("lachan demo: cannot read " + dir + ": " + e.getMessage());
            return false;
        }
        deleteTree(dir);
        return true;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /** Returns the project folder the launcher names, or the working folder. */
    static Path home() {
        @Nullable String home = System.getProperty("lachan.home");
        return home == null ? Path.of("") : Path.of(home);
    }
}
