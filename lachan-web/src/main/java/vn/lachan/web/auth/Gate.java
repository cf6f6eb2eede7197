package vn.lachan.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.session.SessionCheck;
import vn.lachan.security.token.TokenCheck;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.SessionCookie;

/**
 * Checks every matched request before its handler runs, the one place the API authenticates and authorizes:
 * reads the route's {@link Access}, finds the caller (an API token in {@code Authorization}, else the session
 * cookie), requires the CSRF header on unsafe methods of a session, checks the permission, and attaches the
 * {@link Caller} for the handler.
 *
 * <p>A token that passed verification is trusted for 5 seconds without asking the store again: a revocation made
 * on this node takes effect at once ({@code ApiTokens.revokedHere}), one made on another node within 5 seconds. Missing or bad credentials are 401 with {@code WWW-Authenticate}; a refused token, session or CSRF
 * value, and a missing permission, are written to the audit trail. What it spends on each guarded request, the
 * visible organizations included, is kept for the server's {@code lachan.http.gate} timer ({@link #spent}).
 * Thread-safe.
 */
public final class Gate {
    private static final String CHALLENGE = "Bearer realm=\"lachan\"";

    private final WebSecurity security;
    private final OrganizationCodes codes;
    private final SessionCookie cookie;
    private final TokenCache tokenCache = new TokenCache();

    /** Creates the gate checking requests with {@code security}; {@code codes} maps organizations to codes. */
    public Gate(WebSecurity security, OrganizationCodes codes) {
        this.security = security;
        this.codes = codes;
        this.cookie = new SessionCookie(security.secureCookies());
    }

    /**
     * Says what the gate spent on one request: how the caller came ({@code token}, {@code session} or {@code
     * none}), the outcome ({@code admitted}, {@code unauthenticated}, {@code forbidden} or {@code refused}) and
     * the nanoseconds spent authenticating, authorizing and working out the caller's visible organizations.
     */
    public record Spent(String via, String outcome, long nanos) {}

    /** Admits the request or throws the problem that refuses it. */
    public void admit(Context ctx) {
        long started = System.nanoTime();
        Access access = access(ctx);
        if (access instanceof Access.Public) {
            return;
        }
        GateClock clock = new GateClock();
        try {
            check(ctx, access, clock);
            clock.end("admitted");
        } catch (ApiProblem refused) {
            clock.end(outcome(refused.status()));
            throw refused;
        } finally {
            clock.add(System.nanoTime() - started);
            // after the reading: the timer's own bookkeeping is not the gate's work
            ctx.attribute(GateClock.ATTRIBUTE, clock);
        }
    }

    /**
     * Returns what the gate spent on a request it guarded (a matched route that is not public), or null when it
     * guarded none. Counts the visible organizations only once the handler asked for them.
     */
    public static @Nullable Spent spent(Context ctx) {
        GateClock clock = ctx.attribute(GateClock.ATTRIBUTE);
        return clock == null ? null : clock.spent();
    }

    private void check(Context ctx, Access access, GateClock clock) {
        WebSecurity s = security;
        OrganizationCodes c = codes;
        Caller caller = authenticate(ctx, s, c, clock);
        if (caller.via() == Caller.Via.SESSION && unsafe(ctx.method())) {
            requireCsrf(ctx, s, caller);
        }
        if (access instanceof Access.Requires(Permission permission)
                && !s.policy().allows(caller.principal(), permission)) {
            audit(s, ctx, caller.actor(), "access.denied", caller, Map.of("permission", permission.name()));
            throw ApiProblem.of(
                            403,
                            "forbidden",
                            "Forbidden",
                            "this needs the permission " + permission + ", which your roles do not grant")
                    .with("permission", permission.name());
        }
        caller.attach(ctx);
    }

    private static String outcome(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> "refused";
        };
    }

    private static Access access(Context ctx) {
        Access found = null;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Access a) {
                found = a;
            }
        }
        if (found == null && ctx.method() == io.javalin.http.HandlerType.HEAD) {
            // Javalin answers HEAD with the GET handler, but outside the route table: no rule to check it by
            throw ApiProblem.of(
                            405,
                            "method-not-allowed",
                            "Method not allowed",
                            "HEAD is not served on " + ctx.path() + "; send GET")
                    .withHeader("Allow", "GET");
        }
        if (found == null) {
            // a route registered around the route table: refuse rather than serve it unchecked
            throw new IllegalStateException("route " + ctx.method() + " " + ctx.path() + " has no access rule");
        }
        return found;
    }

    private Caller authenticate(Context ctx, WebSecurity s, OrganizationCodes c, GateClock clock) {
        String header = ctx.header("Authorization");
        if (header != null) {
            clock.via("token");
            return byToken(ctx, s, c, Credentials.token(header), clock);
        }
        String sessionId = SessionCookie.read(ctx);
        if (sessionId != null) {
            clock.via("session");
            return bySession(ctx, s, c, sessionId, clock);
        }
        throw unauthenticated("send an API token (Authorization: Bearer …) or sign in at POST /api/v1/auth/signin");
    }

    private Caller byToken(Context ctx, WebSecurity s, OrganizationCodes c, String token, GateClock clock) {
        Principal known = tokenCache.get(token);
        // a token revoked on this node stops at once, not when its cache entry ends
        if (known != null && !s.tokens().revokedHere(known.id())) {
            return caller(s, c, known, Caller.Via.TOKEN, null, clock);
        }
        return switch (s.tokens().verify(token, ctx.ip())) {
            case TokenCheck.Valid valid -> {
                tokenCache.put(token, valid.principal());
                yield caller(s, c, valid.principal(), Caller.Via.TOKEN, null, clock);
            }
            case TokenCheck.Refused refused -> throw unauthenticated(TokenCheck.Refused.ANSWER);
        };
    }

    private Caller bySession(Context ctx, WebSecurity s, OrganizationCodes c, String sessionId, GateClock clock) {
        String reason;
        switch (s.sessions().check(sessionId)) {
            case SessionCheck.Valid valid -> {
                var principal = s.signIn().principal(valid.session().user());
                if (principal.isPresent()) {
                    return caller(s, c, principal.get(), Caller.Via.SESSION, sessionId, clock);
                }
                s.sessions().end(sessionId);
                reason = "ACCOUNT_DISABLED";
            }
            case SessionCheck.Refused refused -> reason = refused.reason().name();
        }
        audit(s, ctx, "anonymous", "session.refused", null, Map.of("reason", reason));
        cookie.clear(ctx);
        throw unauthenticated("the session has ended or is not valid; sign in again");
    }

    private static Caller caller(
            WebSecurity s,
            OrganizationCodes c,
            Principal principal,
            Caller.Via via,
            @Nullable String sessionId,
            GateClock clock) {
        // worked out when the handler first asks, and then counted in the gate's time
        return new Caller(
                principal,
                via,
                sessionId,
                () -> clock.time(() -> c.visibility(s.policy().visibleOrganizations(principal))));
    }

    private static void requireCsrf(Context ctx, WebSecurity s, Caller caller) {
        String sessionId = caller.sessionId();
        String presented = ctx.header(SessionCookie.CSRF_HEADER);
        if (sessionId != null && s.sessions().csrfMatches(sessionId, presented)) {
            return;
        }
        audit(s, ctx, caller.actor(), "csrf.refused", caller, Map.of("presented", presented == null ? "no" : "wrong"));
        throw ApiProblem.of(
                403,
                "csrf-refused",
                "CSRF token missing or wrong",
                "a request that changes something needs the header " + SessionCookie.CSRF_HEADER
                        + " with the csrf_token given at sign-in");
    }

    private static void audit(
            WebSecurity s,
            Context ctx,
            String actor,
            String action,
            @Nullable Caller caller,
            Map<String, String> details) {
        s.audit()
                .append(new AuditEntry(
                        actor,
                        action,
                        ctx.method().name() + " " + ctx.path(),
                        caller == null ? null : caller.principal().organization(),
                        ctx.ip(),
                        Outcome.DENIED,
                        details));
    }

    private static boolean unsafe(HandlerType method) {
        return !(method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS);
    }

    /** Returns the 401 problem every authentication failure is, with the challenge header. */
    static ApiProblem unauthenticated(String detail) {
        return ApiProblem.of(401, "unauthenticated", "Authentication required", detail)
                .withHeader("WWW-Authenticate", CHALLENGE);
    }
}
