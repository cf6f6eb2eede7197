package vn.lachan.app.security;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.AuditVerifier;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.signing.SigningKeys;
import vn.lachan.security.envelope.RecipientPublicKey;
import vn.lachan.security.identity.UserAccount;
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
import vn.lachan.security.sso.OidcProvider;
import vn.lachan.security.sso.SingleSignOn;
import vn.lachan.security.token.ApiTokens;
import vn.lachan.web.ExportEncryption;
import vn.lachan.web.WebSecurity;

/**
 * Opens the platform foundation of one data folder, top to bottom: the keys ({@code DATA/keys}: master
 * key, keyring, the audit trail's ML-DSA-65 signing key), the metadata database ({@code DATA/meta}, or a
 * PostgreSQL server), then the stores and services of identity, access and audit. One instance per
 * process; the services are thread-safe.
 */
public final class Foundation implements AutoCloseable {
    /** The code of the monitoring center created on a fresh data folder. */
    public static final String SOC_CODE = "SOC";

    /** The name of the audit trail's signing key in {@code DATA/keys}. */
    static final String AUDIT_KEY = "audit-signing";

    /** The name of the key that signs encrypted event exports, in {@code DATA/keys}. */
    public static final String EXPORT_KEY = "export-signing";

    private static final int CHECKPOINT_EVERY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Foundation.class);

    private final MetaDatabase database;
    private final Path keys;
    private final KeyVault vault;
    private final JdbcOrganizations organizations;
    private final JdbcUserStore users;
    private final JdbcTokenStore tokens;
    private final JdbcAuditStore auditStore;
    private final KeyPair auditKey;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Passwords passwords;
    private final Totp totp;
    private final Sessions sessions;
    private final SignInService signIn;
    private final ApiTokens apiTokens;
    private final UserDirectory directory;
    private final JdbcIdentityLinks identityLinks;
    private final JdbcPasskeyStore passkeys;
    private final SecureRandom random;
    private final Clock clock;
    private final long lastAtOpen;

    private Foundation(Path data, @Nullable MetaConfig meta, Map<String, String> environment, Clock clock) {
        this.random = new SecureRandom();
        this.clock = clock;
        this.keys = data.resolve("keys");
        this.vault = KeyVault.open(new CryptoConfig(keys), environment, clock);
        this.auditKey = new SigningKeys(keys, vault).loadOrCreate(AUDIT_KEY);
        this.database = MetaDatabase.open(meta != null ? meta : MetaConfig.embedded(data));
        try {
            this.organizations = new JdbcOrganizations(database, vault, clock);
            this.users = new JdbcUserStore(database, vault);
            this.tokens = new JdbcTokenStore(database);
            this.auditStore = new JdbcAuditStore(database);
            this.audit = new AuditTrail(auditStore, clock, auditKey, CHECKPOINT_EVERY);
            this.policy = new AccessPolicy(organizations.scope(Duration.ofSeconds(30)));
            this.passwords = new Passwords(Argon2Settings.RECOMMENDED, random);
            this.totp = new Totp(clock, random);
            this.sessions = new Sessions(
                    new JdbcSessionStore(database, vault),
                    clock,
                    random,
                    SessionSettings.DEFAULT,
                    SecretFile.loadOrCreate(keys.resolve("csrf.key"), vault, "csrf-key"));
            this.signIn = new SignInService(
                    users, passwords, totp, new RecoveryCodes(random), audit, clock, SignInSettings.DEFAULT);
            this.apiTokens = new ApiTokens(tokens, audit, policy, clock, random);
            this.identityLinks = new JdbcIdentityLinks(database);
            this.directory =
                    new UserDirectory(users, passwords, sessions, apiTokens, audit, policy, clock, identityLinks);
            this.passkeys = new JdbcPasskeyStore(database, vault);
            this.lastAtOpen = lastSequence();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens the foundation of {@code data}.
     *
     * @param meta the metadata database, or null for the embedded one in {@code DATA/meta}
     * @param environment the process environment, for {@code LACHAN_MASTER_KEY}
     */
    public static Foundation open(Path data, @Nullable MetaConfig meta, Map<String, String> environment) {
        return new Foundation(data, meta, environment, Clock.systemUTC());
    }

    public JdbcOrganizations organizations() {
        return organizations;
    }

    public JdbcUserStore users() {
        return users;
    }

    public AuditTrail audit() {
        return audit;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public Sessions sessions() {
        return sessions;
    }

    public SignInService signIn() {
        return signIn;
    }

    public ApiTokens tokens() {
        return apiTokens;
    }

    public UserDirectory directory() {
        return directory;
    }

    /** Returns the passkey store (the registered WebAuthn credentials). */
    public JdbcPasskeyStore passkeys() {
        return passkeys;
    }

    public KeyVault vault() {
        return vault;
    }

    /**
     * Returns the monitoring center (the organization of kind SOC with code {@value #SOC_CODE}), creating it on
     * a fresh data folder.
     *
     * @throws IllegalStateException when it cannot be created
     */
    public Organization monitoringCenter() {
        Optional<Organization> soc = organizations.byCode(SOC_CODE);
        if (soc.isPresent()) {
            return soc.get();
        }
        Outcome<Organization> created = organizations.create(Organization.create(
                SOC_CODE,
                "Trung tâm giám sát an toàn không gian mạng tỉnh",
                "Provincial cybersecurity monitoring center",
                OrganizationKind.SOC,
                null));
        return switch (created) {
            case Outcome.Done<Organization> d -> d.value();
            case Outcome.Refused<Organization> r ->
                throw new IllegalStateException("cannot create the monitoring center: " + r.message());
        };
    }

    /**
     * Returns to whom event exports may be encrypted; with recipients, the exports are signed with the platform's
     * export key (ML-DSA-65, created in {@code DATA/keys} on first use, its public half beside it as
     * {@code export-signing.mldsa.pub}).
     *
     * @param recipients the registered recipients by name
     * @param required whether an export that names no recipient is refused
     */
    public ExportEncryption exports(Map<String, RecipientPublicKey> recipients, boolean required) {
        if (recipients.isEmpty()) {
            return ExportEncryption.none();
        }
        KeyPair signer = new SigningKeys(keys, vault).loadOrCreate(EXPORT_KEY);
        LOG.info(
                "exports may be encrypted to {} (signed by {}){}",
                String.join(", ", recipients.keySet()),
                SigningKeys.fingerprint(signer.getPublic()),
                required ? "; plain exports are refused" : "");
        return new ExportEncryption(signer, recipients, required);
    }

    /**
     * Returns what the HTTP server checks every request with.
     *
     * @param secureCookies whether session cookies are marked Secure on plain HTTP (behind a TLS proxy)
     */
    public WebSecurity webSecurity(boolean secureCookies) {
        return webSecurity(secureCookies, List.of(), null);
    }

    /**
     * Returns what the HTTP server checks every request with, single sign-on and passkeys included.
     *
     * @param secureCookies whether session cookies are marked Secure on plain HTTP (behind a TLS proxy)
     * @param providers the OpenID Connect providers (each discovered now; one that is down is reported and
     *     retried on use); empty: single sign-on off
     * @param passkeySettings the passkey relying party, or null to leave passkeys off
     */
    public WebSecurity webSecurity(
            boolean secureCookies, List<OidcProvider> providers, @Nullable PasskeySettings passkeySettings) {
        SingleSignOn sso = providers.isEmpty()
                ? null
                : new SingleSignOn(
                        providers,
                        users,
                        identityLinks,
                        organizations,
                        signIn,
                        totp,
                        audit,
                        Clock.systemUTC(),
                        new SecureRandom());
        PasskeyService passkeyService = null;
        if (passkeySettings == null) {
            LOG.info("passkeys are off: set passkeys.rp_id to the domain people reach the platform at");
        } else {
            passkeyService =
                    new PasskeyService(passkeys, users, audit, clock, random, passkeySettings, SignInSettings.DEFAULT);
            LOG.info(
                    "passkeys on for the RP id {} from {}",
                    passkeySettings.rpId(),
                    String.join(
                            ", ", passkeySettings.origins().stream().sorted().toList()));
        }
        return new WebSecurity(
                policy,
                apiTokens,
                tokens,
                sessions,
                signIn,
                totp,
                directory,
                audit,
                auditStore,
                organizations,
                secureCookies,
                sso,
                passkeyService);
    }

    /**
     * Removes every passkey of a user, as the command line on the server does with a second-factor reset (a lost
     * or stolen device), and records it in the audit trail; returns how many were removed.
     */
    public int revokePasskeys(UUID user) {
        int removed = passkeys.removeAll(user);
        UserAccount account = users.byId(user).orElse(null);
        audit.append(new AuditEntry(
                "cli",
                "passkey.revoke_all",
                user.toString(),
                account == null ? null : account.organization(),
                null,
                vn.lachan.security.audit.Outcome.SUCCESS,
                Map.of("removed", Integer.toString(removed))));
        return removed;
    }

    /** Returns a verifier of the audit trail against this data folder's signing key. */
    public AuditVerifier auditVerifier() {
        return new AuditVerifier(auditStore, auditKey.getPublic());
    }

    private long lastSequence() {
        return auditStore.last().map(r -> r.sequence()).orElse(0L);
    }

    /**
     * Closes the database, first signing a checkpoint over the trail's end when records were appended
     * since opening, so that none is left covered by the hash chain alone.
     */
    @Override
    public void close() {
        try {
            if (lastSequence() > lastAtOpen) {
                audit.checkpoint();
            }
        } finally {
            database.close();
        }
    }
}
