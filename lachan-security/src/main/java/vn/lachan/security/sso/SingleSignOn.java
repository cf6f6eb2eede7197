package vn.lachan.security.sso;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.identity.Credentials;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.identity.UserStore;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.signin.SignInService;

/**
 * Signs users in through OpenID Connect providers with the authorization code flow and PKCE (S256): {@link
 * #start} sends the browser to the provider with a fresh state, nonce and code challenge, bound to the browser;
 * {@link #callback} checks the state (once, unexpired, same browser), exchanges the code with the verifier,
 * validates the ID token, finds the account (a stored link, a verified e-mail or username match, or
 * just-in-time provisioning) and refuses disabled ones. A role that needs a second factor is satisfied by the
 * provider's {@code amr} (RFC 8176) or by the local authenticator through {@link #secondFactor}. Every sign-in
 * and every failure is appended to the audit trail. Thread-safe.
 */
public final class SingleSignOn {
    /** The longest local path accepted as {@code return_to}. */
    public static final int MAX_RETURN_TO = 2000;

    private final Map<String, OidcProvider> providers = new LinkedHashMap<>();
    private final Map<String, Discovery> discoveries = new LinkedHashMap<>();
    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random;
    private final PendingStates states;
    private final IdTokens tokens = new IdTokens();
    private final AccountMatch accounts;
    private final SecondSteps secondSteps;

    /**
     * Creates the service and tries to discover every provider; one that cannot be reached is logged and retried
     * on use, never fatal.
     */
    public SingleSignOn(
            List<OidcProvider> providers,
            UserStore users,
            IdentityLinks links,
            Organizations organizations,
            SignInService signIn,
            Totp totp,
            AuditTrail audit,
            Clock clock,
            SecureRandom random) {
        for (OidcProvider provider : providers) {
            if (this.providers.put(provider.id(), provider) != null) {
                throw new IllegalArgumentException("two single sign-on providers have the id " + provider.id());
            }
            discoveries.put(provider.id(), new Discovery(provider, clock));
        }
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.states = new PendingStates(clock);
        this.accounts = new AccountMatch(users, links, organizations, audit, clock);
        this.secondSteps = new SecondSteps(signIn, totp, clock, random);
        discoveries.values().forEach(Discovery::metadata);
    }

    /** Returns a service with no provider (single sign-on off). */
    public static SingleSignOn none(
            UserStore users, SignInService signIn, Totp totp, AuditTrail audit, Organizations organizations) {
        IdentityLinks nothing = IdentityLinks.none();
        return new SingleSignOn(
                List.of(), users, nothing, organizations, signIn, totp, audit, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * The parameters the provider sends back to the callback.
     *
     * @param code the authorization code, or null on an error
     * @param state the state sent at the start
     * @param error the provider's error code ({@code access_denied}), or null
     * @param errorDescription the provider's description of the error, or null
     */
    public record Callback(
            @Nullable String code,
            @Nullable String state,
            @Nullable String error,
            @Nullable String errorDescription) {}

    /** Returns the configured providers, in configuration order. */
    public List<SsoStart.Choice> providers() {
        return providers.values().stream()
                .map(p -> new SsoStart.Choice(
                        p.id(), p.displayName(), discovery(p.id()).available()))
                .toList();
    }

    /**
     * Starts a sign-in with {@code provider}.
     *
     * @param returnTo the local path to come back to ({@code /alerts?x=1}), or null for {@code /}
     * @param requestBase the URL the browser used to reach Lachan ({@code https://host:port}), used for the
     *     redirect URI when the provider has no {@code redirectBaseUrl}
     */
    public SsoStart start(String provider, @Nullable String returnTo, URI requestBase) {
        OidcProvider config = providers.get(provider);
        if (config == null) {
            return new SsoStart.Refused("unknown-provider", "no single sign-on provider is called '" + provider + "'");
        }
        Optional<String> target = localPath(returnTo);
        if (target.isEmpty()) {
            return new SsoStart.Refused("bad-return-to", "return_to must be a local path starting with one '/'");
        }
        Optional<OIDCProviderMetadata> metadata = discovery(provider).metadata();
        if (metadata.isEmpty()) {
            return new SsoStart.Refused(
                    "provider-unavailable",
                    "the provider " + config.displayName() + " cannot be reached now; try again later");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = redirectUri(config, requestBase);
        String browserKey = Secrets.random(random);
        states.put(
                state.getValue(),
                new PendingStates.Pending(
                        provider,
                        Secrets.sha256(browserKey),
                        nonce,
                        verifier,
                        redirect,
                        target.get(),
                        clock.instant().plus(PendingStates.LIFETIME)));
        URI authorization = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope(config.scopes().toArray(String[]::new)),
                        new ClientID(config.clientId()),
                        redirect)
                .endpointURI(metadata.get().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new SsoStart.Redirect(authorization, browserKey);
    }

    /** Finishes a sign-in when the provider sends the browser back; see the class comment for the checks. */
    public SsoOutcome callback(
            String provider, Callback callback, @Nullable String browserKey, @Nullable String address) {
        OidcProvider config = providers.get(provider);
        if (config == null) {
            return refuse(
                    "sso:" + provider,
                    null,
                    address,
                    "unknown-provider",
                    "no single sign-on provider is called '" + provider + "'");
        }
        String actor = "sso:" + provider;
        Optional<PendingStates.Pending> pending =
                callback.state() == null ? Optional.empty() : states.take(callback.state());
        if (pending.isEmpty() || !pending.get().provider().equals(provider)) {
            return refuse(
                    actor,
                    null,
                    address,
                    "state-unknown",
                    "this sign-in is unknown, already used or expired (more than " + PendingStates.LIFETIME.toMinutes()
                            + " minutes); start again");
        }
        if (browserKey == null || !PendingStates.sameBrowser(pending.get(), browserKey)) {
            return refuse(
                    actor,
                    null,
                    address,
                    "state-not-this-browser",
                    "this sign-in was started in another browser; start again");
        }
        if (callback.error() != null) {
            String description = callback.errorDescription() == null ? "" : " (" + callback.errorDescription() + ")";
            return refuse(
                    actor,
                    null,
                    address,
                    "provider-error",
                    "the provider refused the sign-in: " + callback.error() + description);
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return refuse(actor, null, address, "provider-error", "the provider sent neither a code nor an error");
        }
        Optional<OIDCProviderMetadata> metadata = discovery(provider).metadata();
        if (metadata.isEmpty()) {
            return refuse(
                    actor,
                    null,
                    address,
                    "provider-unavailable",
                    "the provider cannot be reached now; try again later");
        }
        IDTokenClaimsSet claims;
        try {
            claims = tokens.exchange(config, metadata.get(), pending.get(), callback.code());
        } catch (IdTokens.Refusal e) {
            return refuse(actor, null, address, e.reason, Objects.requireNonNullElse(e.getMessage(), e.reason));
        }
        return signIn(config, claims, pending.get().returnTo(), address);
    }

    /**
     * Checks the local second factor of a sign-in the provider passed ({@code ticket} from {@link
     * SsoOutcome.SecondFactorRequired} or {@link SsoOutcome.EnrolmentRequired}); without a code, says again what
     * is needed.
     */
    public SsoOutcome secondFactor(String ticket, @Nullable String code, @Nullable String address) {
        return secondSteps.check(ticket, code, address);
    }

    private SsoOutcome signIn(OidcProvider config, IDTokenClaimsSet claims, String returnTo, @Nullable String address) {
        String subject = claims.getSubject().getValue();
        String actor = "sso:" + config.id() + ":" + subject;
        UserAccount account;
        switch (accounts.find(config, claims, address)) {
            case AccountMatch.Result.Found found -> account = found.account();
            case AccountMatch.Result.None none -> {
                return refuse(actor, null, address, "unknown-user", none.message());
            }
        }
        if (account.status() != UserStatus.ACTIVE) {
            return refuse("user:" + account.username(), account, address, "disabled", "this account is disabled");
        }
        Credentials credentials = users.credentials(account.id()).orElse(Credentials.none());
        boolean enrolled = credentials.totpSecret() != null;
        List<String> amr = Objects.requireNonNullElse(claims.getStringListClaim("amr"), List.of());
        boolean providerMfa = amr.stream().anyMatch(config.mfaMethods()::contains);
        if ((account.requiresSecondFactor() || enrolled) && !providerMfa) {
            record(
                    account,
                    address,
                    "signin.second-factor",
                    Outcome.SUCCESS,
                    Map.of("provider", config.id(), "amr", String.join(",", amr)));
            return secondSteps.open(account, config.id(), enrolled, returnTo);
        }
        String factors = providerMfa ? "oidc:" + config.id() + "+amr:" + String.join(",", amr) : "oidc:" + config.id();
        record(
                account,
                address,
                "signin.success",
                Outcome.SUCCESS,
                Map.of("factors", factors, "provider", config.id()));
        return new SsoOutcome.SignedIn(
                Principal.user(account.id(), account.username(), account.organization(), account.roles()),
                returnTo,
                List.of());
    }

    private SsoOutcome refuse(
            String actor, @Nullable UserAccount account, @Nullable String address, String reason, String message) {
        audit.append(new AuditEntry(
                actor,
                "signin.failure",
                account == null ? null : account.id().toString(),
                account == null ? null : account.organization(),
                address,
                reason.equals("disabled") ? Outcome.DENIED : Outcome.FAILURE,
                Map.of("method", "oidc", "reason", reason, "detail", message)));
        return new SsoOutcome.Refused(reason, message);
    }

    private void record(
            UserAccount account,
            @Nullable String address,
            String action,
            Outcome outcome,
            Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("method", "oidc");
        audit.append(new AuditEntry(
                "user:" + account.username(),
                action,
                account.id().toString(),
                account.organization(),
                address,
                outcome,
                all));
    }

    private Discovery discovery(String provider) {
        return Objects.requireNonNull(discoveries.get(provider), provider);
    }

    private static URI redirectUri(OidcProvider config, URI requestBase) {
        URI base = config.redirectBaseUrl() != null ? config.redirectBaseUrl() : requestBase;
        String text = base.toString();
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return URI.create(trimmed + "/api/v1/auth/oidc/" + config.id() + "/callback");
    }

    /**
     * Returns {@code returnTo} when it is a local path (one leading slash, no scheme, host, backslash or control
     * character), {@code /} when it is null or empty, and empty when it must be refused.
     */
    public static Optional<String> localPath(@Nullable String returnTo) {
        if (returnTo == null || returnTo.isEmpty()) {
            return Optional.of("/");
        }
        boolean local = returnTo.length() <= MAX_RETURN_TO
                && returnTo.startsWith("/")
                && !returnTo.startsWith("//")
                && returnTo.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return local ? Optional.of(returnTo) : Optional.empty();
    }

    /** Returns the ids of the configured providers. */
    public Set<String> providerIds() {
        return Set.copyOf(providers.keySet());
    }
}
