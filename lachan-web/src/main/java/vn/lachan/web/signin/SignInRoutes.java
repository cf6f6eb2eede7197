package vn.lachan.web.signin;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.signin.SignInAttempt;
import vn.lachan.security.signin.SignInResult;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.PrincipalView;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;
import vn.lachan.web.internal.SessionCookie;

/**
 * Serves sign-in for browsers: {@code POST /api/v1/auth/signin} (username, password and, when asked, the
 * authenticator or a recovery code; sets the session cookie and returns the CSRF token), {@code POST
 * /api/v1/auth/enrol} (confirms a new authenticator with a code), {@code POST /api/v1/auth/signout} and
 * {@code GET /api/v1/auth/me}.
 *
 * <p>A refused attempt is one 401 answer whatever the reason, with {@code Retry-After} while throttled, so it
 * tells nothing about the account. Thread-safe.
 */
public final class SignInRoutes {
    private final WebSecurity security;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final SessionCookie cookie;
    private final Enrolments enrolments;

    /** Carries {@code POST /api/v1/auth/signin}. */
    record SignInBody(
            @Nullable String username,
            @Nullable String password,
            @Nullable String code) {}

    /** Carries {@code POST /api/v1/auth/enrol}. */
    record EnrolBody(@Nullable String ticket, @Nullable String code) {}

    /** Creates the routes; {@code clock} times enrolment tickets. */
    public SignInRoutes(
            WebSecurity security, OrganizationCodes codes, RequestBodies bodies, JsonCodec json, Clock clock) {
        this.security = security;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
        this.cookie = new SessionCookie(security.secureCookies());
        this.enrolments = new Enrolments(clock);
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.post("/api/v1/auth/signin", Access.PUBLIC, this::signIn);
        routes.post("/api/v1/auth/enrol", Access.PUBLIC, this::enrol);
        routes.post("/api/v1/auth/signout", Access.AUTHENTICATED, this::signOut);
        routes.get("/api/v1/auth/me", Access.AUTHENTICATED, this::me);
    }

    private void signIn(Context ctx) {
        SignInBody body = json.read(bodies.read(ctx), SignInBody.class);
        String username = ApiProblem.requiredText("username", body.username(), 256);
        String password = ApiProblem.requiredText("password", body.password(), 1024);
        String code = body.code() == null || body.code().isBlank() ? null : body.code();
        var attempt = new SignInAttempt(username, password, code, ctx.ip());
        switch (security.signIn().signIn(attempt)) {
            case SignInResult.SignedIn signedIn -> begin(ctx, signedIn.principal(), null);
            case SignInResult.SecondFactorRequired r ->
                next(
                        ctx,
                        "second_factor_required",
                        "send the same request again with 'code': the 6-digit code of"
                                + " your authenticator app, or one of your recovery codes");
            case SignInResult.EnrolmentRequired r -> beginEnrolment(ctx, r, username);
            case SignInResult.Refused refused -> throw ApiProblem.signInRefused(refused.retryAfter());
        }
    }

    private void beginEnrolment(Context ctx, SignInResult.EnrolmentRequired required, String username) {
        byte[] secret = security.totp().newSecret();
        String ticket = enrolments.begin(required.user(), secret);
        String uri = security.totp().uri(username, secret);
        Map<String, Object> enrolment = new LinkedHashMap<>();
        enrolment.put("ticket", ticket);
        enrolment.put("secret", secretOf(uri));
        enrolment.put("otpauth_uri", uri);
        enrolment.put("expires_in_seconds", Enrolments.LIFETIME.toSeconds());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "enrolment_required");
        out.put(
                "detail",
                "your role needs a second factor: add the secret to an authenticator app (or scan otpauth_uri as a"
                        + " QR code), then POST /api/v1/auth/enrol with the ticket and the app's current code");
        out.put("enrolment", enrolment);
        ctx.status(202).contentType("application/json").result(json.write(out));
    }

    private void enrol(Context ctx) {
        EnrolBody body = json.read(bodies.read(ctx), EnrolBody.class);
        String ticket = ApiProblem.requiredText("ticket", body.ticket(), 64);
        String code = ApiProblem.requiredText("code", body.code(), 16);
        Enrolments.Pending pending = enrolments
                .find(ticket)
                .orElseThrow(() -> ApiProblem.of(
                        401,
                        "enrolment-expired",
                        "Enrolment not found",
                        "this enrolment ticket is unknown, used up or expired; sign in again to get a new one"));
        Optional<List<String>> recovery = security.signIn().enrol(pending.user(), pending.secret(), code, ctx.ip());
        if (recovery.isEmpty()) {
            enrolments.failed(ticket);
            throw ApiProblem.invalidField("code", "the code does not match the new secret; check the app's clock");
        }
        enrolments.done(ticket);
        Principal principal =
                security.signIn().principal(pending.user()).orElseThrow(() -> ApiProblem.signInRefused(Duration.ZERO));
        begin(ctx, principal, recovery.get());
    }

    private void begin(Context ctx, Principal principal, @Nullable List<String> recoveryCodes) {
        Map<String, @Nullable Object> out = cookie.begin(ctx, security.sessions(), codes, principal);
        if (recoveryCodes != null) {
            out.put("recovery_codes", recoveryCodes);
        }
        ctx.status(200).contentType("application/json").result(json.write(out));
    }

    private void signOut(Context ctx) {
        Caller caller = Caller.of(ctx);
        String sessionId = caller.sessionId();
        boolean ended = sessionId != null && security.sessions().end(sessionId);
        cookie.clear(ctx);
        security.audit()
                .append(new AuditEntry(
                        caller.actor(),
                        "signout",
                        caller.principal().id().toString(),
                        caller.principal().organization(),
                        ctx.ip(),
                        Outcome.SUCCESS,
                        Map.of("session", ended ? "ended" : "none")));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Caller caller = Caller.of(ctx);
        Map<String, @Nullable Object> out = new LinkedHashMap<>(PrincipalView.of(
                caller, codes.code(caller.principal().organization()).orElse(null)));
        String sessionId = caller.sessionId();
        if (sessionId != null) {
            out.put("csrf_token", security.sessions().csrfToken(sessionId));
        }
        ctx.contentType("application/json").result(json.write(out));
    }

    private void next(Context ctx, String status, String detail) {
        ctx.status(202).contentType("application/json").result(json.write(Map.of("status", status, "detail", detail)));
    }

    private static String secretOf(String otpauthUri) {
        int start = otpauthUri.indexOf("secret=") + "secret=".length();
        int end = otpauthUri.indexOf('&', start);
        return otpauthUri.substring(start, end < 0 ? otpauthUri.length() : end);
    }
}
