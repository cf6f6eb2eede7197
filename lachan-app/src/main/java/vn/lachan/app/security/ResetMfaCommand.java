package vn.lachan.app.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserDirectory;

/** Removes a user's second factor (a lost phone): {@code lachan admin reset-mfa}. */
@Command(
        name = "reset-mfa",
        mixinStandardHelpOptions = true,
        description = "Remove a user's second factor and recovery codes and end their sessions; they enrol a new"
                + " one at their next sign-in.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reset", "1:no such user", "2:bad usage or data folder"})
final class ResetMfaCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "The user.")
    private String username = "";

    private final PrintStream out;
    private final PrintStream err;

    ResetMfaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (Foundation foundation = AdminCommand.open(data, "admin reset-mfa", err)) {
            if (foundation == null) {
                return AdminCommand.BAD_USAGE;
            }
            Optional<UserAccount> user = foundation.users().byUsername(UserDirectory.normalizeUsername(username));
            if (user.isEmpty()) {
                err.println("lachan admin reset-mfa: no user is called " + username);
                return AdminCommand.REFUSED;
            }
            foundation.directory().resetSecondFactor(null, user.get().id());
            int passkeys = foundation.revokePasskeys(user.get().id());
            out.println("reset the second factor of " + user.get().username() + "; their sessions are ended"
                    + (passkeys == 0 ? "" : " and their " + passkeys + " passkey(s) removed"));
            return AdminCommand.OK;
        }
    }
}
