package vn.lachan.app.security;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.security.audit.AuditReport;

/** Walks the audit trail's hash chain and checks every signed checkpoint: {@code lachan audit verify}. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Walk the audit trail's hash chain and check every ML-DSA-65 signed checkpoint; report any"
                + " changed, removed, inserted or reordered record by its sequence number.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the trail is intact", "1:the trail was tampered with", "2:bad usage or data folder"})
final class AuditVerifyCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    private final PrintStream out;
    private final PrintStream err;

    AuditVerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(data.resolve("meta")) || !Files.isDirectory(data.resolve("keys"))) {
            err.println("lachan audit verify: " + data + " holds no audit trail (no meta and keys folders)");
            return AdminCommand.BAD_USAGE;
        }
        try (Foundation foundation = AdminCommand.open(data, "audit verify", err)) {
            if (foundation == null) {
                return AdminCommand.BAD_USAGE;
            }
            AuditReport report = foundation.auditVerifier().verify();
            report.findings().forEach(f -> out.println("TAMPERED " + f));
            out.printf(
                    Locale.ROOT,
                    "%s: %,d records, %d signed checkpoints, signed up to record %d%n",
                    report.intact() ? "intact" : "NOT intact",
                    report.records(),
                    report.checkpoints(),
                    report.lastSigned());
            return report.intact() ? AdminCommand.OK : AdminCommand.REFUSED;
        }
    }
}
