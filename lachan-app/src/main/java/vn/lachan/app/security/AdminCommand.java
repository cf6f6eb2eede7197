package vn.lachan.app.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.lachan.app.serve.Endpoint;
import vn.lachan.core.org.Organization;
import vn.lachan.meta.org.JdbcOrganizations;

/**
 * Administers a platform's foundation from the server's shell: the {@code lachan admin} command, for the
 * first start, scripts and emergencies. Every change goes to the audit trail with the CLI as its actor.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "create-org|create-user|create-token|reset-mfa",
        description = "Create organizations, users and API tokens, or reset a second factor, in the data folder"
                + " of a stopped platform.")
public final class AdminCommand implements Runnable {
    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: the request was refused (the reasons are printed). */
    static final int REFUSED = 1;
    /** Exit code: bad usage, or the data folder cannot be opened. */
    static final int BAD_USAGE = 2;

    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.@Nullable CommandSpec spec;

    AdminCommand(PrintStream err) {
        this.err = err;
    }

    /** Returns {@code admin} with its subcommands and {@code audit}, writing to the given streams. */
    public static List<CommandLine> create(PrintStream out, PrintStream err) {
        CommandLine admin = new CommandLine(new AdminCommand(err));
        admin.addSubcommand(new CommandLine(new CreateOrgCommand(out, err)));
        admin.addSubcommand(new CommandLine(new CreateUserCommand(out, err)));
        admin.addSubcommand(new CommandLine(new CreateTokenCommand(out, err)));
        admin.addSubcommand(new CommandLine(new ResetMfaCommand(out, err)));
        CommandLine audit = new CommandLine(new AuditCommand(err));
        audit.addSubcommand(new CommandLine(new AuditVerifyCommand(out, err)));
        return List.of(admin, audit);
    }

    @Override
    public void run() {
        err.println("lachan admin: give a subcommand: create-org, create-user, create-token or reset-mfa"
                + " (see lachan admin --help)");
        throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(), "missing subcommand");
    }

    /**
     * Opens the foundation of {@code data} for a command, or prints why it cannot and returns null: a
     * platform running on it holds the database (use its API), or the keys or database refuse to open.
     */
    static @Nullable Foundation open(Path data, String command, PrintStream err) {
        Optional<String> running = Endpoint.running(data);
        if (running.isPresent()) {
            err.println("lachan " + command + ": a platform is running on " + data + " (" + running.get()
                    + "); stop it first, or use its HTTP API");
            return null;
        }
        try {
            return Foundation.open(data, null, System.getenv());
        } catch (RuntimeException e) {
            err.println("lachan " + command + ": cannot open the foundation in " + data + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Returns the organization called {@code code}; with no code, the monitoring center, created on a
     * fresh data folder. Prints why and returns null when there is no such organization.
     */
    static @Nullable Organization organization(
            Foundation foundation, @Nullable String code, String command, PrintStream err) {
        JdbcOrganizations organizations = foundation.organizations();
        if (code != null) {
            Optional<Organization> found = organizations.byCode(code);
            if (found.isEmpty()) {
                err.println("lachan " + command + ": no organization has the code " + code
                        + " (create it with lachan admin create-org)");
            }
            return found.orElse(null);
        }
        boolean fresh = organizations.byCode(Foundation.SOC_CODE).isEmpty();
        try {
            Organization soc = foundation.monitoringCenter();
            if (fresh) {
                err.println("lachan " + command + ": created the monitoring center organization " + soc.code());
            }
            return soc;
        } catch (IllegalStateException e) {
            err.println("lachan " + command + ": " + e.getMessage());
            return null;
        }
    }
}
