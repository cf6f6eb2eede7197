package vn.lachan.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.meta.MetaConfig;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.audit.JdbcAuditStore;
import vn.lachan.meta.org.JdbcOrganizations;
import vn.lachan.meta.token.JdbcTokenStore;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.token.ApiTokens;

/**
 * Measures the authorization work the HTTP gate does on every request once the caller is known (a token the gate
 * verified in the last seconds): the revocation check, the permission check and the caller's visible
 * organizations, over the real H2-backed organization tree of a province (1 + 30 departments × 20 units):
 * nanoseconds per request. Compare with the cost of a whole API call (docs/performance.md, "Authorization").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuthorizationBenchmark {
    @SuppressWarnings("NullAway.Init") // set in open(), which JMH runs before any benchmark
    private Path folder;

    @SuppressWarnings("NullAway.Init")
    private MetaDatabase database;

    @SuppressWarnings("NullAway.Init")
    private AccessPolicy policy;

    @SuppressWarnings("NullAway.Init")
    private ApiTokens tokens;

    @SuppressWarnings("NullAway.Init")
    private Principal officer;

    @SuppressWarnings("NullAway.Init")
    private Principal soc;

    /** Builds the organization tree in a fresh H2 database. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory("lachan-authz-bench");
        Clock clock = Clock.systemUTC();
        database = MetaDatabase.open(MetaConfig.embedded(folder.resolve("data")));
        KeyVault vault = KeyVault.open(new CryptoConfig(folder.resolve("keys")), Map.of(), clock);
        JdbcOrganizations organizations = new JdbcOrganizations(database, vault, clock);
        UUID province = add(organizations, "TINH", OrganizationKind.PROVINCE, null);
        UUID center = add(organizations, "SOC", OrganizationKind.SOC, province);
        UUID health = province;
        for (int d = 0; d < 30; d++) {
            UUID department = add(organizations, "SO-" + d, OrganizationKind.DEPARTMENT, province);
            health = d == 0 ? department : health;
            for (int u = 0; u < 20; u++) {
                add(organizations, "DV-" + d + "-" + u, OrganizationKind.PUBLIC_SERVICE_UNIT, department);
            }
        }
        policy = new AccessPolicy(organizations.scope(Duration.ofSeconds(30)));
        AuditTrail audit = new AuditTrail(new JdbcAuditStore(database), clock, SigningKeys.generate(), 1000);
        tokens = new ApiTokens(new JdbcTokenStore(database), audit, policy, clock, new SecureRandom());
        officer = Principal.token(
                UUID.randomUUID(),
                "relay",
                health,
                Role.ORG_SECURITY_OFFICER,
                Set.of(vn.lachan.security.access.Scope.ADMIN));
        soc = Principal.token(
                UUID.randomUUID(), "soc", center, Role.SOC_ANALYST, Set.of(vn.lachan.security.access.Scope.ADMIN));
    }

    private static UUID add(
            JdbcOrganizations organizations, String code, OrganizationKind kind, @Nullable UUID parent) {
        return organizations
                .create(Organization.create(code, "Đơn vị " + code, null, kind, parent))
                .orElseThrow()
                .id();
    }

    /** Closes the database and deletes its folder. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** An organization's officer (a subtree of 21 organizations) reading alerts. */
    @Benchmark
    public void officer(Blackhole out) {
        authorize(officer, out);
    }

    /** A monitoring-center analyst (every organization) reading alerts. */
    @Benchmark
    public void monitoringCenter(Blackhole out) {
        authorize(soc, out);
    }

    private void authorize(Principal principal, Blackhole out) {
        out.consume(tokens.revokedHere(principal.id()));
        out.consume(policy.allows(principal, Permission.ALERTS_READ));
        out.consume(policy.visibleOrganizations(principal));
    }
}
