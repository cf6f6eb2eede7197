package vn.lachan.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Outcome;
import vn.lachan.meta.MetaConfig;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.audit.JdbcAuditStore;
import vn.lachan.meta.identity.JdbcUserStore;
import vn.lachan.meta.org.JdbcOrganizations;
import vn.lachan.meta.passkey.JdbcPasskeyStore;
import vn.lachan.meta.session.JdbcSessionStore;
import vn.lachan.meta.sso.JdbcIdentityLinks;
import vn.lachan.meta.token.JdbcTokenStore;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.identity.CreateResult;
import vn.lachan.security.identity.NewUser;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.mfa.RecoveryCodes;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.passkey.PasskeyService;
import vn.lachan.security.passkey.PasskeySettings;
import vn.lachan.security.password.Argon2Settings;
import vn.lachan.security.password.Passwords;
import vn.lachan.security.session.SessionSettings;
import vn.lachan.security.session.Sessions;
import vn.lachan.security.signin.SignInService;
import vn.lachan.security.signin.SignInSettings;
import vn.lachan.security.token.ApiTokens;

/**
 * Builds the real security services over an embedded H2 metadata database in a temporary folder, with a small
 * organization tree: the province TINH; under it the monitoring center SOC and the departments SO-YT (health,
 * with the hospital BV-1 below it) and SO-TC (finance).
 */
final class SecurityFixture implements AutoCloseable {
    /** A password every test user has; long enough for the password policy. */
    static final String PASSWORD = "Mật khẩu đủ dài cho kiểm thử 2026!";

    final MetaDatabase database;
    final JdbcOrganizations organizations;
    final JdbcAuditStore auditStore;
    final AuditTrail audit;
    final ApiTokens tokens;
    final UserDirectory users;
    final JdbcIdentityLinks identityLinks;
    final Sessions sessions;
    final WebSecurity security;
    final Map<String, UUID> orgs = new HashMap<>();

    SecurityFixture(Path dir) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        database = MetaDatabase.open(MetaConfig.embedded(dir.resolve("data")));
        KeyVault sealer = KeyVault.open(new CryptoConfig(dir.resolve("keys")), Map.of(), clock);
        organizations = new JdbcOrganizations(database, sealer, clock);
        AccessPolicy policy = new AccessPolicy(organizations.scope(Duration.ofSeconds(30)));
        auditStore = new JdbcAuditStore(database);
        audit = new AuditTrail(auditStore, clock, SigningKeys.generate(), 100);
        JdbcTokenStore tokenStore = new JdbcTokenStore(database);
        tokens = new ApiTokens(tokenStore, audit, policy, clock, random);
        byte[] csrfKey = new byte[32];
        random.nextBytes(csrfKey);
        sessions =
                new Sessions(new JdbcSessionStore(database, sealer), clock, random, SessionSettings.DEFAULT, csrfKey);
        JdbcUserStore userStore = new JdbcUserStore(database, sealer);
        Passwords passwords = new Passwords(new Argon2Settings(1024, 1, 1), random);
        Totp totp = new Totp(clock, random);
        SignInService signIn = new SignInService(
                userStore, passwords, totp, new RecoveryCodes(random), audit, clock, SignInSettings.DEFAULT);
        identityLinks = new JdbcIdentityLinks(database);
        users = new UserDirectory(userStore, passwords, sessions, tokens, audit, policy, clock, identityLinks);
        // passkeys for pages of http://localhost on the port the test server gets
        PasskeyService passkeys = new PasskeyService(
                new JdbcPasskeyStore(database, sealer),
                userStore,
                audit,
                clock,
                random,
                new PasskeySettings(
                        "localhost", "Lachan", Set.of("http://localhost"), true, PasskeySettings.DEFAULT_LIFETIME),
                SignInSettings.DEFAULT);
        security = new WebSecurity(
                policy,
                tokens,
                tokenStore,
                sessions,
                signIn,
                totp,
                users,
                audit,
                auditStore,
                organizations,
                false,
                null,
                passkeys);
        UUID tinh = organization("TINH", "Ủy ban nhân dân tỉnh", OrganizationKind.PROVINCE, null);
        organization("SOC", "Trung tâm Giám sát an toàn không gian mạng", OrganizationKind.SOC, tinh);
        UUID health = organization("SO-YT", "Sở Y tế", OrganizationKind.DEPARTMENT, tinh);
        organization("BV-1", "Bệnh viện Đa khoa tỉnh", OrganizationKind.PUBLIC_SERVICE_UNIT, health);
        organization("SO-TC", "Sở Tài chính", OrganizationKind.DEPARTMENT, tinh);
    }

    private UUID organization(String code, String name, OrganizationKind kind, @Nullable UUID parent) {
        Outcome<Organization> outcome = organizations.create(Organization.create(code, name, null, kind, parent));
        if (!(outcome instanceof Outcome.Done<Organization>(Organization created))) {
            throw new IllegalStateException("cannot create " + code + ": " + outcome);
        }
        orgs.put(code, created.id());
        return created.id();
    }

    /** Returns the id of the organization {@code code}. */
    UUID org(String code) {
        UUID id = orgs.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no test organization " + code);
        }
        return id;
    }

    /** Issues a token of {@code role} for the organization {@code code} with every scope the role allows. */
    String token(Role role, String code) {
        return tokens.issue(role + " " + code, role, org(code), EnumSet.of(Scope.ADMIN), null, null)
                .secret();
    }

    /** Issues a token narrowed to {@code scopes}. */
    String token(Role role, String code, Set<Scope> scopes) {
        return tokens.issue("scoped " + role + " " + code, role, org(code), scopes, null, null)
                .secret();
    }

    /** Creates a user of {@code role} in {@code code} with {@link #PASSWORD}; returns its id. */
    UUID user(String username, Role role, String code) {
        var result = users.create(null, new NewUser(username, username, null, org(code), Set.of(role), PASSWORD));
        if (!(result instanceof CreateResult.Created created)) {
            throw new IllegalStateException("cannot create " + username + ": " + result);
        }
        return created.account().id();
    }

    @Override
    public void close() {
        database.close();
    }
}
