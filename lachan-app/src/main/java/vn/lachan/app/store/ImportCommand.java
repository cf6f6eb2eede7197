package vn.lachan.app.store;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lachan.app.serve.Endpoint;
import vn.lachan.app.serve.Feeder;
import vn.lachan.core.tls.TrustedCertificates;
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
                    + " JSON documents, .evtx, any of those in .gz or .zip).",
            "When a platform runs on --data (or --server names one), the events go through its HTTP ingest:"
                    + " its journal, detection with its rules, then its stores. Otherwise they are written"
                    + " straight into the stopped platform's event store (no detection: run lachan hunt for"
                    + " that).",
            "Events without a usable time are rejected and counted; the summary goes to standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the import ran (see the summary for rejected events)",
            "2:bad usage, or a path that cannot be read",
            "3:internal error (a bug: please report it with the message)"
        })
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The platform's data folder.")
    private @Nullable Path data;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "A running platform's HTTP API (such as http://127.0.0.1:8080) to send the events to.")
    private @Nullable String server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An API token with the ingest scope, for a running platform (default: $LACHAN_TOKEN).")
    private @Nullable String token;

    @Option(
            names = "--ca-cert",
            paramLabel = "PEM",
            description = "Trust only the certificates in this PEM file for an HTTPS platform (a private"
                    + " authority's or the platform's self-signed certificate), as curl --cacert does.")
    private @Nullable Path caCert;

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
        Path folder = data;
        if (server != null) {
            return send(server);
        }
        if (folder == null) {
            err.println("lachan import: say where to import: --data DIR (a platform's data folder) or --server URL");
            return StoreCommands.BAD_INPUT;
        }
        Optional<String> running = Endpoint.running(folder);
        return running.isPresent() ? send(running.get()) : store(folder);
    }

    private int send(String baseUrl) {
        String secret = token != null ? token : System.getenv("LACHAN_TOKEN");
        if (secret == null || secret.isBlank()) {
            err.println("lachan import: the platform at " + baseUrl + " wants an API token with the ingest scope:"
                    + " give --token or set LACHAN_TOKEN (issue one, before starting it, with lachan admin"
                    + " create-token --data DIR --role SOC_ANALYST --scope ingest)");
            return StoreCommands.BAD_INPUT;
        }
        long started = System.nanoTime();
        try {
            SSLContext tls = caCert == null ? null : TrustedCertificates.clientContext(caCert);
            long sent = new Feeder(baseUrl, secret, "import", err, tls).send(paths);
            err.printf(
                    Locale.ROOT,
                    "lachan import: %,d events accepted by the platform at %s in %.1f s; it detects and stores"
                            + " them as they come (GET %s/api/v1/health shows its lag)%n",
                    sent,
                    baseUrl,
                    (System.nanoTime() - started) / 1e9,
                    baseUrl);
            return StoreCommands.OK;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            err.println("lachan import: " + e.getMessage());
            return StoreCommands.BAD_INPUT;
        }
    }

    private int store(Path data) {
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
