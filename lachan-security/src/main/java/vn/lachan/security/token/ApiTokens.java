package vn.lachan.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.internal.Base32;

/**
 * Issues, verifies and revokes API tokens for machines (ingest agents, integrations).
 *
 * <p>A token is {@code lcn_} and 32 random bytes in lower-case base32 (52 characters). Its first 16
 * characters are the selector that finds the stored row; the row holds only the SHA-256 of the
 * whole token, compared in constant time. Tokens carry 256 random bits, so a fast hash is safe:
 * no guessing list reaches them. Issues, revocations and refusals are appended to the audit trail.
 * Thread-safe.
 */
public final class ApiTokens {
    /** The prefix every token starts with, so secret scanners and people recognize it. */
    public static final String PREFIX = "lcn_";

    private static final Pattern FORMAT = Pattern.compile("lcn_[a-z2-7]{52}");
    private static final int SELECTOR = 16;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** The longest a token issued through {@link #issue(Principal, TokenRequest)} may live. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private final TokenStore store;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final RecentRevocations revokedHere = new RecentRevocations();

    /** Creates the service over {@code store}, appending to {@code audit}, checking callers with {@code policy}. */
    public ApiTokens(TokenStore store, AuditTrail audit, AccessPolicy policy, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Issues a token on behalf of {@code by}, or lists every problem with the request and issues nothing.
     *
     * <p>The rules the HTTP API and the command line share: an expiry is required, at most {@link
     * #MAX_LIFETIME} ahead; every scope must give the role something; the organization must be one {@code by}
     * sees (otherwise it is reported as unknown, like one that does not exist); {@code by} must hold {@link
     * Permission#TOKENS_MANAGE} and every permission of the role. A null {@code by} is the command line on the
     * server itself, which needs no permission.
     *
     * @throws vn.lachan.security.access.Forbidden when {@code by} lacks the permission or grants a role above
     *     its own
     */
    public IssueResult issue(@Nullable Principal by, TokenRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (by != null) {
            policy.require(by, Permission.TOKENS_MANAGE, null);
            policy.requireGrantable(by, Set.of(request.role()));
            if (!policy.canSee(by, request.organization())) {
                problems.add(new Problem("organization", "", "there is no organization " + request.organization()));
            }
        }
        problems.addAll(TokenRules.check(request, clock.instant()));
        problems.addAll(check(request.name(), request.scopes(), request.expires()));
        if (!problems.isEmpty()) {
            return new IssueResult.Rejected(problems);
        }
        return new IssueResult.Issued(
                issue(request.name(), request.role(), request.organization(), request.scopes(), request.expires(), by));
    }

    /** Returns a page of the tokens {@code by} may manage, newest first; never their secrets. */
    public TokenPage list(Principal by, TokenQuery query) {
        policy.require(by, Permission.TOKENS_MANAGE, null);
        OrganizationFilter visible = policy.visibleOrganizations(by);
        return TokenRules.page(store.list(visible), query, clock.instant());
    }

    /** Returns the token {@code id} if {@code by} may manage it; empty when unknown or another organization's. */
    public Optional<ApiToken> find(Principal by, UUID id) {
        Optional<ApiToken> token = store.byId(id).filter(t -> policy.canSee(by, t.organization()));
        token.ifPresent(t -> policy.require(by, Permission.TOKENS_MANAGE, t.organization()));
        return token;
    }

    /**
     * Revokes a token for {@code by} (null: the command line) and returns it as it now is; revoking a revoked
     * token changes nothing. The revocation takes effect at once on this process, caches included ({@link
     * #revokedHere}).
     *
     * @return empty when the token does not exist or belongs to an organization {@code by} does not see
     */
    public Optional<ApiToken> revoke(@Nullable Principal by, UUID id) {
        Optional<ApiToken> found = by == null ? store.byId(id) : find(by, id);
        if (found.isEmpty() || found.get().revoked() != null) {
            return found;
        }
        ApiToken token = found.get();
        if (store.revoke(id, clock.instant())) {
            revokedHere.add(id);
            record(actor(by), "token.revoke", token, Outcome.SUCCESS, null, Map.of("name", token.name()));
        }
        return store.byId(id);
    }

    /** Revokes every live token that {@code user} issued (the user was disabled); returns how many. */
    public int revokeIssuedBy(@Nullable Principal by, UUID user) {
        int revoked = 0;
        for (ApiToken token : store.list(new OrganizationFilter.All())) {
            if (user.equals(token.createdBy())
                    && token.revoked() == null
                    && store.revoke(token.id(), clock.instant())) {
                revokedHere.add(token.id());
                record(actor(by), "token.revoke", token, Outcome.SUCCESS, null, Map.of("reason", "issuer disabled"));
                revoked++;
            }
        }
        return revoked;
    }

    /**
     * Returns whether this process revoked the token in the last minute: a cache that trusts verified tokens
     * for a few seconds asks this on every hit, so a revocation is immediate on the node that made it.
     */
    public boolean revokedHere(UUID token) {
        return revokedHere.contains(token);
    }

    /** Returns what is wrong with a token request (empty when it can be issued). */
    public List<Problem> check(String name, Set<Scope> scopes, @Nullable Instant expires) {
        List<Problem> problems = new ArrayList<>();
        if (name.isBlank() || name.length() > 100) {
            problems.add(new Problem("name", "", "give the token a name of 1 to 100 characters saying what uses it"));
        }
        if (scopes.isEmpty()) {
            problems.add(new Problem("scopes", "", "give at least one scope, e.g. ingest or events:read"));
        }
        if (expires != null && !expires.isAfter(clock.instant())) {
            problems.add(new Problem("expires", "", "the expiry " + expires + " is not in the future"));
        }
        return problems;
    }

    /**
     * Issues a token; the returned secret is shown once and never again.
     *
     * @param createdBy who issues it, for the audit trail; null from the command line
     * @throws IllegalArgumentException when {@link #check} reports a problem
     */
    public IssuedToken issue(
            String name,
            Role role,
            UUID organization,
            Set<Scope> scopes,
            @Nullable Instant expires,
            @Nullable Principal createdBy) {
        List<Problem> problems = check(name, scopes, expires);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot issue the token: " + problems);
        }
        for (int attempt = 0; ; attempt++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String secret = PREFIX + Base32.encode(bytes).toLowerCase(Locale.ROOT);
            ApiToken token = new ApiToken(
                    UUID.randomUUID(),
                    name.strip(),
                    selector(secret),
                    sha256(secret),
                    role,
                    organization,
                    scopes,
                    clock.instant(),
                    expires,
                    null,
                    null,
                    // created_by names a user account; a token issuing a token is named in the audit trail instead
                    createdBy == null || createdBy.kind() != Principal.Kind.USER ? null : createdBy.id());
            if (store.create(token)) {
                record(actor(createdBy), "token.issue", token, Outcome.SUCCESS, null, Map.of("role", role.name()));
                return new IssuedToken(token, secret);
            }
            if (attempt > 3) {
                throw new IllegalStateException("the token store refused 5 fresh tokens; is it working?");
            }
        }
    }

    /**
     * Checks a presented token; a refusal is appended to the audit trail with its reason.
     *
     * @param sourceAddress the client address, for the audit trail, or null
     */
    public TokenCheck verify(String presented, @Nullable String sourceAddress) {
        TokenCheck check = evaluate(presented);
        if (check instanceof TokenCheck.Refused refused) {
            String shown = presented.length() > 20 ? presented.substring(0, 20) + "…" : presented;
            audit.append(new AuditEntry(
                    "token:" + shown,
                    "token.refused",
                    null,
                    null,
                    sourceAddress,
                    Outcome.DENIED,
                    Map.of("reason", refused.reason().name())));
        }
        return check;
    }

    private TokenCheck evaluate(String presented) {
        if (presented.length() != PREFIX.length() + 52
                || !FORMAT.matcher(presented).matches()) {
            return new TokenCheck.Refused(TokenCheck.Reason.MALFORMED);
        }
        Optional<ApiToken> found = store.bySelector(selector(presented));
        if (found.isEmpty()) {
            return new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN);
        }
        ApiToken token = found.get();
        byte[] expected = token.secretHash().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sha256(presented).getBytes(StandardCharsets.US_ASCII))) {
            return new TokenCheck.Refused(TokenCheck.Reason.TAMPERED);
        }
        Instant now = clock.instant();
        if (token.revoked() != null) {
            return new TokenCheck.Refused(TokenCheck.Reason.REVOKED);
        }
        Instant expires = token.expires();
        if (expires != null && !now.isBefore(expires)) {
            return new TokenCheck.Refused(TokenCheck.Reason.EXPIRED);
        }
        Instant lastUsed = token.lastUsed();
        if (lastUsed == null || lastUsed.plus(TOUCH_EVERY).isBefore(now)) {
            store.touch(token.id(), now);
        }
        Principal principal =
                Principal.token(token.id(), token.name(), token.organization(), token.role(), token.scopes());
        return new TokenCheck.Valid(principal, token);
    }

    private void record(
            String actor,
            String action,
            ApiToken token,
            Outcome outcome,
            @Nullable String source,
            Map<String, String> details) {
        audit.append(
                new AuditEntry(actor, action, token.id().toString(), token.organization(), source, outcome, details));
    }

    private static String actor(@Nullable Principal p) {
        return p == null ? "system" : p.kind().name().toLowerCase(Locale.ROOT) + ":" + p.name();
    }

    private static String selector(String secret) {
        return secret.substring(PREFIX.length(), PREFIX.length() + SELECTOR);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
