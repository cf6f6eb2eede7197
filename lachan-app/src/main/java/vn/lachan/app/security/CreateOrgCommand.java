package vn.lachan.app.security;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Outcome;

/** Creates one organization of the provincial tree: {@code lachan admin create-org}. */
@Command(
        name = "create-org",
        mixinStandardHelpOptions = true,
        description = "Create an organization (the province, a department, a commune or ward, a public service"
                + " unit, an enterprise, or the monitoring center).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:refused (the reason is printed)", "2:bad usage or data folder"})
final class CreateOrgCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The platform's data folder.")
    private Path data = Path.of(".");

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "Unique code, e.g. SO-TTTT.")
    private String code = "";

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Vietnamese name.")
    private String name = "";

    @Option(names = "--name-en", paramLabel = "NAME", description = "English name.")
    private @Nullable String nameEn;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "One of: ${COMPLETION-CANDIDATES}.")
    private OrganizationKind kind = OrganizationKind.DEPARTMENT;

    @Option(names = "--parent", paramLabel = "CODE", description = "The parent organization's code.")
    private @Nullable String parent;

    private final PrintStream out;
    private final PrintStream err;

    CreateOrgCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (Foundation foundation = AdminCommand.open(data, "admin create-org", err)) {
            if (foundation == null) {
                return AdminCommand.BAD_USAGE;
            }
            UUID parentId = null;
            if (parent != null) {
                Organization p = AdminCommand.organization(foundation, parent, "admin create-org", err);
                if (p == null) {
                    return AdminCommand.REFUSED;
                }
                parentId = p.id();
            }
            Organization organization;
            try {
                organization = Organization.create(code, name, nameEn, kind, parentId);
            } catch (IllegalArgumentException e) {
                err.println("lachan admin create-org: " + e.getMessage());
                return AdminCommand.REFUSED;
            }
            return switch (foundation.organizations().create(organization)) {
                case Outcome.Done<Organization> d -> {
                    out.println("created organization " + d.value().code() + " ("
                            + d.value().id() + ")");
                    yield AdminCommand.OK;
                }
                case Outcome.Refused<Organization> r -> {
                    err.println("lachan admin create-org: " + r.field() + ": " + r.message());
                    yield AdminCommand.REFUSED;
                }
            };
        }
    }
}
