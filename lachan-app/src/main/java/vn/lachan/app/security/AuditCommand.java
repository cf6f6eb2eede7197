package vn.lachan.app.security;

import java.io.PrintStream;
import picocli.CommandLine.Command;

/** Groups the audit trail's commands: {@code lachan audit verify}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "verify",
        description = "Check the audit trail of a data folder.")
final class AuditCommand implements Runnable {
    private final PrintStream err;

    AuditCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public void run() {
        err.println("lachan audit: give a subcommand: verify (see lachan audit --help)");
    }
}
