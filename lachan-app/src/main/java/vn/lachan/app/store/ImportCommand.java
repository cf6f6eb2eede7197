package vn.lachan.app.store;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lachan.ingest.file.ReadCounts;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/** Reads event files, normalizes them to ECS and stores them: the {@code lachan import} command. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Read event files, normalize them to ECS and store them in the event store at --data.",
            "",
            "PATH are files or folders in the formats lachan hunt reads (JSON lines, JSON arrays, evtx_dump"
                    + " JSON documents, .evtx, any of those in .gz or .zip). The store must not be open in a"
                    + " running platform: importing into a running one comes with lachan serve.",
            "Events without a usable time are rejected and counted; the summary goes to standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the import ran (see the summary for rejected events)",
            "2:bad usage, or a path that cannot be read",
            "3:internal error (a bug: please report it with the message)"
        })
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The store's data folder.")
    private Path data = Path.of(".");

    @Option(
            names = "--batch",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Events per durable batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(
            names = "--organization",
            defaultValue = "local",
            paramLabel = "NAME",
            description = "The organization that owns the events (default: ${DEFAULT-VALUE}).")
    private String organization = "local";

    @Option(
            names = "--system",
            defaultValue = "windows",
            paramLabel = "NAME",
            description = "The information system they come from (default: ${DEFAULT-VALUE}).")
    private String system = "windows";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Event files or folders.")
    private List<Path> paths = new ArrayList<>();

    private final PrintStream err;

    ImportCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        if (batch < 1 || organization.isBlank() || organization.indexOf('/') >= 0 || system.isBlank()) {
            err.println("lachan import: --batch must be 1 or more, --organization and --system non-blank"
                    + " (an organization holds no '/')");
            return StoreCommands.BAD_INPUT;
        }
        long started = System.nanoTime();
        Importer importer = new Importer(organization, system, batch, err);
        ReadCounts counts;
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            StoreCommands.warn(store.openProblems(), "import", err);
            try {
                counts = importer.run(paths, store);
            } catch (UncheckedIOException e) {
                err.println("lachan import: " + e.getMessage());
                return StoreCommands.BAD_INPUT;
            }
            summary(importer, counts, store, (System.nanoTime() - started) / 1e9);
        }
        return StoreCommands.OK;
    }

    private void summary(Importer importer, ReadCounts counts, LuceneEventStore store, double seconds) {
        err.printf(
                Locale.ROOT,
                "lachan import: %,d events stored, %,d rejected, from %,d files (%,d unreadable events) in %.1f s"
                        + " (%,.0f events/s)%n",
                importer.stored(),
                importer.rejected(),
                counts.files(),
                counts.parseErrors(),
                seconds,
                counts.events() / Math.max(seconds, 1e-9));
        importer.reasons().forEach((reason, n) -> err.printf(Locale.ROOT, "  rejected %,d: %s%n", n, reason));
        err.println("lachan import: partitions: "
                + String.join(
                        ", ",
                        store.partitions().stream()
                                .map(p -> String.format(Locale.ROOT, "%s (%,d)", p.name(), p.events()))
                                .toList()));
    }
}
