package vn.lachan.app.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.VerifyReport;
import vn.lachan.store.LuceneEventStore;

/** Verifies and seals the event store: the {@code lachan store} command. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "verify|seal",
        description = "Verify or seal the event store at --data.")
final class StoreCommand implements Runnable {
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.@Nullable CommandSpec spec;

    StoreCommand(PrintStream out, PrintStream err) {
        this.err = err;
        this.verify = new Verify(out, err);
        this.seal = new Seal(out, err);
    }

    private final Verify verify;
    private final Seal seal;

    /** Returns the subcommands. */
    List<Object> subcommands() {
        return List.of(verify, seal);
    }

    @Override
    public void run() {
        err.println("lachan store: give a subcommand: verify or seal (see lachan store --help)");
        throw new CommandLine.ParameterException(
                java.util.Objects.requireNonNull(spec).commandLine(), "missing subcommand");
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check every sealed partition against its manifest and the chain of manifests.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:every sealed partition is intact",
                "1:a file was modified, removed or added, or the chain is broken",
                "2:DIR is not a Lachan store",
                "3:internal error (a bug: please report it with the message)"
            })
    static final class Verify implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The store's data folder.")
        private Path data = Path.of(".");

        private final PrintStream out;
        private final PrintStream err;

        Verify(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            try (LuceneEventStore store = StoreCommands.openExisting(data, "store verify", err)) {
                if (store == null) {
                    return StoreCommands.BAD_INPUT;
                }
                VerifyReport report = store.verify();
                for (VerifyReport.PartitionCheck check : report.partitions()) {
                    out.println(check.partition() + "  " + check.status().name().toLowerCase(Locale.ROOT));
                    for (Problem finding : check.findings()) {
                        out.println("    " + finding);
                    }
                }
                out.println(report.intact() ? "intact" : "TAMPERING FOUND");
                return report.intact() ? StoreCommands.OK : StoreCommands.FOUND;
            }
        }
    }

    @Command(
            name = "seal",
            mixinStandardHelpOptions = true,
            description = {
                "Close and seal every partition whose time is over (after the one-hour grace period)",
                "before --before (default: now). Sealed partitions accept no more events.",
            })
    static final class Seal implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The store's data folder.")
        private Path data = Path.of(".");

        @Option(names = "--before", paramLabel = "T", description = "Seal as if it were T: ISO instant or date.")
        private @Nullable String before;

        private final PrintStream out;
        private final PrintStream err;

        Seal(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Instant now = Instant.now();
            Instant at = before == null ? now : Times.parse(before, now);
            if (at == null) {
                err.println("lachan store seal: --before takes an ISO instant or a date, was '" + before + "'");
                return StoreCommands.BAD_INPUT;
            }
            try (LuceneEventStore store = StoreCommands.openExisting(data, "store seal", err)) {
                if (store == null) {
                    return StoreCommands.BAD_INPUT;
                }
                List<String> sealed = store.seal(at);
                out.println("sealed " + sealed.size() + " partitions"
                        + (sealed.isEmpty() ? "" : ": " + String.join(", ", sealed)));
                return StoreCommands.OK;
            }
        }
    }
}
