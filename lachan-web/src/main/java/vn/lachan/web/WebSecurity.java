package vn.lachan.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.audit.AuditStore;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.passkey.PasskeyService;
import vn.lachan.security.session.Sessions;
import vn.lachan.security.signin.SignInService;
import vn.lachan.security.sso.SingleSignOn;
import vn.lachan.security.token.ApiTokens;
import vn.lachan.security.token.TokenStore;

/**
 * Holds the security services the HTTP server checks every request with; the server never closes them.
 *
 * @param policy decides what a principal may do and which organizations it sees
 * @param tokens verifies the API tokens machines send ({@code Bearer}, {@code ApiKey}, {@code Basic}) and
 *     issues new ones
 * @param tokenRecords lists the stored tokens (the token management route)
 * @param sessions checks browser session cookies and their CSRF tokens
 * @param signIn checks passwords and second factors, with throttling
 * @param totp issues the secrets of second-factor enrolments
 * @param users lists and changes user accounts
 * @param audit where refusals (a tampered session, token or CSRF value) and exports are recorded
 * @param auditRecords the trail as stored, read by {@code GET /api/v1/audit}
 * @param organizations the organization tree: maps the ids of the security model to the codes that events
 *     and alerts carry
 * @param secureCookies whether the session cookie is marked {@code Secure} even on plain HTTP (behind a TLS
 *     proxy); it always is when the server itself serves HTTPS
 * @param sso single sign-on through OpenID Connect providers, or null when none is configured
 * @param passkeys registers passkeys and signs people in with them, or null when passkeys are off (no RP id
 *     configured): the passkey routes then answer 501
 */
public record WebSecurity(
        AccessPolicy policy,
        ApiTokens tokens,
        TokenStore tokenRecords,
        Sessions sessions,
        SignInService signIn,
        Totp totp,
        UserDirectory users,
        AuditTrail audit,
        AuditStore auditRecords,
        Organizations organizations,
        boolean secureCookies,
        @Nullable SingleSignOn sso,
        @Nullable PasskeyService passkeys) {
    public WebSecurity {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tokenRecords, "tokenRecords");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(totp, "totp");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(auditRecords, "auditRecords");
        Objects.requireNonNull(organizations, "organizations");
    }

    /** Creates the services without single sign-on and with passkeys off. */
    public WebSecurity(
            AccessPolicy policy,
            ApiTokens tokens,
            TokenStore tokenRecords,
            Sessions sessions,
            SignInService signIn,
            Totp totp,
            UserDirectory users,
            AuditTrail audit,
            AuditStore auditRecords,
            Organizations organizations,
            boolean secureCookies) {
        this(
                policy,
                tokens,
                tokenRecords,
                sessions,
                signIn,
                totp,
                users,
                audit,
                auditRecords,
                organizations,
                secureCookies,
                null,
                null);
    }
}
