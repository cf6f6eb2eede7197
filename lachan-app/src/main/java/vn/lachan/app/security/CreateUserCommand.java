package vn.lachan.app.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.core.org.Organization;
import vn.lachan.security.access.Role;
import vn.lachan.security.identity.CreateResult;
import vn.lachan.security.identity.NewUser;

/** Creates a user account: {@code lachan admin create-user}; the password is read, never an argument. */
@Command(
        name = "create-user",
        mixinStandardHelpOptions = true,
        description = {
            "Create a user of an organization with one or more roles.",
            "The password is asked on the terminal (twice), or read as the first line of standard input when"
                    + " there is no terminal. Admin and SOC roles enrol a second factor (TOTP) at their first"
                    + " sign-in."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:refused (every problem is printed)", "2:bad usage or data folder"})
final class CreateUserCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "The sign-in name.")
    private String username = "";

    @Option(names = "--display-name", paramLabel = "TEXT", description = "The name shown (default: the username).")
    private @Nullable String displayName;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The user's e-mail address.")
    private @Nullable String email;

    @Option(
            names = "--role",
            required = true,
            split = ",",
            paramLabel = "ROLE",
            description = "One or more of: ${COMPLETION-CANDIDATES}.")
    private List<Role> roles = List.of();

    @Option(
            names = "--org",
            paramLabel = "CODE",
            description = "The user's organization (default: the monitoring center, created if missing).")
    private @Nullable String organization;

    private final PrintStream out;
    private final PrintStream err;

    CreateUserCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String password = readPassword();
        if (password == null) {
            return AdminCommand.BAD_USAGE;
        }
        try (Foundation foundation = AdminCommand.open(data, "admin create-user", err)) {
            if (foundation == null) {
                return AdminCommand.BAD_USAGE;
            }
            Organization org = AdminCommand.organization(foundation, organization, "admin create-user", err);
            if (org == null) {
                return AdminCommand.REFUSED;
            }
            Set<Role> wanted = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
            NewUser request = new NewUser(
                    username, displayName == null ? username : displayName, email, org.id(), wanted, password);
            return switch (foundation.directory().create(null, request)) {
                case CreateResult.Created c -> {
                    out.println("created user " + c.account().username() + " ("
                            + c.account().id() + ") of " + org.code() + " with roles " + wanted);
                    yield AdminCommand.OK;
                }
                case CreateResult.Rejected r -> {
                    r.problems().forEach(p -> err.println("lachan admin create-user: " + p.message()));
                    yield AdminCommand.REFUSED;
                }
            };
        }
    }

    private @Nullable String readPassword() {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("Password for %s: ", username);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("lachan admin create-user: the two passwords differ");
                return null;
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("lachan admin create-user: give the password on standard input (one line)");
                return null;
            }
            return line;
        } catch (IOException e) {
            err.println("lachan admin create-user: cannot read the password: " + e.getMessage());
            return null;
        }
    }
}
