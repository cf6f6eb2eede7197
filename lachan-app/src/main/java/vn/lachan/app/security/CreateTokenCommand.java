package vn.lachan.app.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.core.org.Organization;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.token.IssueResult;
import vn.lachan.security.token.IssuedToken;
import vn.lachan.security.token.TokenRequest;

/** Issues an API token for a machine: {@code lachan admin create-token}; the token is the last line printed. */
@Command(
        name = "create-token",
        mixinStandardHelpOptions = true,
        description = {
            "Issue an API token (for an ingest agent, an integration or a script). It is shown once: the last"
                    + " line printed. Only its hash is kept.",
            "Scopes narrow the role: ingest, events:read, alerts:read, alerts:write, cases:read, cases:write,"
                    + " audit:read, metrics:read, admin (everything the role grants; the default)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:issued", "1:refused (every problem is printed)", "2:bad usage or data folder"})
final class CreateTokenCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "One of: ${COMPLETION-CANDIDATES}.")
    private Role role = Role.SOC_ANALYST;

    @Option(
            names = "--org",
            paramLabel = "CODE",
            description = "The token's organization (default: the monitoring center, created if missing).")
    private @Nullable String organization;

    @Option(names = "--scope", split = ",", paramLabel = "SCOPE", description = "Scopes (default: admin).")
    private List<String> scopes = List.of("admin");

    @Option(names = "--name", paramLabel = "TEXT", description = "What the token is for (default: cli-<role>).")
    private @Nullable String name;

    @Option(
            names = "--expires",
            paramLabel = "DAYS",
            defaultValue = "365",
            description = "Days until it expires, 1 to 366 (default: ${DEFAULT-VALUE}).")
    private int expiresDays;

    private final PrintStream out;
    private final PrintStream err;

    CreateTokenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Set<Scope> wanted = EnumSet.noneOf(Scope.class);
        for (String s : scopes) {
            Optional<Scope> scope = Scope.fromWireName(s);
            if (scope.isEmpty()) {
                err.println("lachan admin create-token: unknown scope '" + s + "' ("
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(Scope.values())
                                        .map(Scope::wireName)
                                        .toList())
                        + ")");
                return AdminCommand.BAD_USAGE;
            }
            wanted.add(scope.get());
        }
        if (expiresDays < 1) {
            err.println("lachan admin create-token: --expires must be a number of days from 1 to 366; every token"
                    + " expires");
            return AdminCommand.BAD_USAGE;
        }
        try (Foundation foundation = AdminCommand.open(data, "admin create-token", err)) {
            if (foundation == null) {
                return AdminCommand.BAD_USAGE;
            }
            Organization org = AdminCommand.organization(foundation, organization, "admin create-token", err);
            if (org == null) {
                return AdminCommand.REFUSED;
            }
            return issue(foundation, org, wanted);
        }
    }

    private int issue(Foundation foundation, Organization org, Set<Scope> wanted) {
        String label = name != null ? name : "cli-" + role.name().toLowerCase(java.util.Locale.ROOT);
        Instant expires = Instant.now().plus(Duration.ofDays(expiresDays));
        // the rules of the HTTP API (expiry required and at most a year ahead, scopes within the role)
        IssueResult result = foundation.tokens().issue(null, new TokenRequest(label, role, org.id(), wanted, expires));
        if (result instanceof IssueResult.Rejected(List<Problem> problems)) {
            problems.forEach(p -> err.println("lachan admin create-token: " + p.source() + ": " + p.message()));
            return AdminCommand.REFUSED;
        }
        IssuedToken issued = ((IssueResult.Issued) result).issued();
        err.println("lachan admin create-token: issued '" + label + "' (" + role + ", " + org.code() + ", scopes "
                + wanted.stream().map(Scope::wireName).toList()
                + ", expires " + expires + "); it is shown once:");
        out.println(issued.secret());
        return AdminCommand.OK;
    }
}
