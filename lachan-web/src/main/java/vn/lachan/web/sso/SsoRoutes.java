package vn.lachan.web.sso;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.sso.SingleSignOn;
import vn.lachan.security.sso.SsoOutcome;
import vn.lachan.security.sso.SsoStart;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;
import vn.lachan.web.internal.SessionCookie;

/**
 * Serves single sign-on through OpenID Connect: {@code GET /api/v1/auth/oidc/providers} (for a sign-in page),
 * {@code GET /api/v1/auth/oidc/{provider}/start?return_to=/path} (302 to the provider), {@code GET
 * /api/v1/auth/oidc/{provider}/callback} (back from the provider: the same browser session as a password
 * sign-in) and {@code POST /api/v1/auth/oidc/second-factor} (the local authenticator code when the provider
 * asserted no second factor). All public: they are the way in. Thread-safe.
 */
public final class SsoRoutes {
    private static final int MAX_PARAMETER = 4096;

    private final WebSecurity security;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final SessionCookie sessionCookie;
    private final SsoCookies cookies;

    /** Carries {@code POST /api/v1/auth/oidc/second-factor}. */
    record StepBody(@Nullable String code) {}

    /** Creates the routes. */
    public SsoRoutes(WebSecurity security, OrganizationCodes codes, RequestBodies bodies, JsonCodec json) {
        this.security = security;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
        this.sessionCookie = new SessionCookie(security.secureCookies());
        this.cookies = new SsoCookies(security.secureCookies());
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.get("/api/v1/auth/oidc/providers", Access.PUBLIC, this::providers);
        routes.get("/api/v1/auth/oidc/{provider}/start", Access.PUBLIC, this::start);
        routes.get("/api/v1/auth/oidc/{provider}/callback", Access.PUBLIC, this::callback);
        routes.post("/api/v1/auth/oidc/second-factor", Access.PUBLIC, this::secondFactor);
    }

    private void providers(Context ctx) {
        SingleSignOn sso = security.sso();
        List<Map<String, Object>> list = sso == null
                ? List.of()
                : sso.providers().stream()
                        .map(p -> Map.<String, Object>of(
                                "id", p.id(), "display_name", p.displayName(), "available", p.available()))
                        .toList();
        ctx.contentType("application/json").result(json.write(Map.of("providers", list)));
    }

    private void start(Context ctx) {
        SingleSignOn sso = sso();
        String returnTo = parameter(ctx, "return_to");
        URI base = URI.create(ctx.scheme() + "://" + ctx.host());
        switch (sso.start(ctx.pathParam("provider"), returnTo, base)) {
            case SsoStart.Redirect r -> {
                cookies.set(ctx, SsoCookies.STATE, r.browserKey(), "Lax", 600);
                ctx.header("Cache-Control", "no-store");
                ctx.redirect(r.authorization().toString(), io.javalin.http.HttpStatus.FOUND);
            }
            case SsoStart.Refused r -> throw problem(r.reason(), r.message());
        }
    }

    private void callback(Context ctx) {
        SingleSignOn sso = sso();
        var callback = new SingleSignOn.Callback(
                parameter(ctx, "code"),
                parameter(ctx, "state"),
                parameter(ctx, "error"),
                parameter(ctx, "error_description"));
        String browserKey = SsoCookies.read(ctx, SsoCookies.STATE);
        cookies.clear(ctx, SsoCookies.STATE);
        SsoOutcome outcome = sso.callback(ctx.pathParam("provider"), callback, browserKey, ctx.ip());
        switch (outcome) {
            case SsoOutcome.SignedIn s -> {
                begin(ctx, s.principal());
                HopPage.send(ctx, s.returnTo());
            }
            case SsoOutcome.SecondFactorRequired s -> pending(ctx, s.ticket(), s.returnTo(), "second_factor");
            case SsoOutcome.EnrolmentRequired s -> pending(ctx, s.ticket(), s.returnTo(), "enrolment");
            case SsoOutcome.Refused r -> throw problem(r.reason(), r.message());
        }
    }

    private void secondFactor(Context ctx) {
        SingleSignOn sso = sso();
        StepBody body = json.read(bodies.read(ctx), StepBody.class);
        String code = body.code();
        if (code != null && code.length() > 64) {
            throw ApiProblem.invalidField("code", "at most 64 characters");
        }
        String ticket = SsoCookies.read(ctx, SsoCookies.STEP);
        if (ticket == null) {
            throw problem("second-factor", "no single sign-on is waiting for a second factor in this browser");
        }
        switch (sso.secondFactor(ticket, code, ctx.ip())) {
            case SsoOutcome.SignedIn s -> {
                cookies.clear(ctx, SsoCookies.STEP);
                Map<String, @Nullable Object> out = begin(ctx, s.principal());
                out.put("return_to", s.returnTo());
                if (!s.recoveryCodes().isEmpty()) {
                    out.put("recovery_codes", s.recoveryCodes());
                }
                ctx.status(200).contentType("application/json").result(json.write(out));
            }
            case SsoOutcome.SecondFactorRequired s -> status(ctx, Map.of("status", "second_factor_required"));
            case SsoOutcome.EnrolmentRequired s -> status(ctx, enrolment(s.otpauthUri()));
            case SsoOutcome.Refused r -> throw problem(r.reason(), r.message());
        }
    }

    private void pending(Context ctx, String ticket, String returnTo, String step) {
        cookies.set(ctx, SsoCookies.STEP, ticket, "Strict", 300);
        HopPage.send(ctx, returnTo + (returnTo.contains("?") ? "&" : "?") + "sso=" + step);
    }

    private Map<String, @Nullable Object> begin(Context ctx, Principal principal) {
        return sessionCookie.begin(ctx, security.sessions(), codes, principal);
    }

    private void status(Context ctx, Map<String, Object> body) {
        ctx.status(202).contentType("application/json").result(json.write(body));
    }

    private static Map<String, Object> enrolment(String otpauthUri) {
        int start = otpauthUri.indexOf("secret=") + "secret=".length();
        int end = otpauthUri.indexOf('&', start);
        String secret = otpauthUri.substring(start, end < 0 ? otpauthUri.length() : end);
        return Map.of(
                "status", "enrolment_required",
                "detail", "your role needs a second factor: add the secret to an authenticator app, then send its code",
                "enrolment", Map.of("secret", secret, "otpauth_uri", otpauthUri));
    }

    private SingleSignOn sso() {
        SingleSignOn sso = security.sso();
        if (sso == null) {
            throw ApiProblem.of(404, "sso-off", "Single sign-on is off", "no single sign-on provider is configured");
        }
        return sso;
    }

    private static @Nullable String parameter(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null && value.length() > MAX_PARAMETER) {
            throw ApiProblem.invalidField(name, "at most " + MAX_PARAMETER + " characters");
        }
        return value;
    }

    private static ApiProblem problem(String reason, String message) {
        int status = switch (reason) {
            case "unknown-provider" -> 404;
            case "bad-return-to" -> 400;
            case "provider-unavailable" -> 503;
            default -> 401;
        };
        String title = status == 401 ? "Single sign-on refused" : "Single sign-on cannot start";
        ApiProblem problem =
                ApiProblem.of(status, "sso-" + reason, title, message).with("reason", reason);
        return reason.equals("bad-return-to") ? problem.with("field", "return_to") : problem;
    }
}
