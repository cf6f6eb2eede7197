package vn.lachan.web.internal;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;
import vn.lachan.security.session.NewSession;
import vn.lachan.security.session.Sessions;

/**
 * Reads and writes the browser session cookie {@code lachan_session}: HttpOnly, SameSite=Strict, path
 * {@code /}, and Secure over HTTPS or when configured.
 */
public final class SessionCookie {
    /** The cookie's name. */
    public static final String NAME = "lachan_session";

    /** The request header that must carry the session's CSRF token on every unsafe method. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final boolean alwaysSecure;

    /** Creates the cookie writer; {@code alwaysSecure} marks the cookie Secure even on plain HTTP. */
    public SessionCookie(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    /** Returns the session id the request carries, or null. */
    public static @Nullable String read(Context ctx) {
        String value = ctx.cookie(NAME);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Sets the cookie to {@code sessionId}, without an expiry: the browser forgets it when it closes, and the
     * server ends the session after its idle or absolute timeout anyway.
     */
    public void set(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + sessionId + attributes(ctx));
    }

    /**
     * Begins a browser session for {@code principal} (a new id: the one the browser held, if any, ends), sets
     * the cookie and returns the answer every sign-in gives: {@code status}, {@code csrf_token} and {@code
     * principal}.
     */
    public Map<String, @Nullable Object> begin(
            Context ctx, Sessions sessions, OrganizationCodes codes, Principal principal) {
        NewSession session = sessions.begin(principal.id(), ctx.ip(), ctx.header("User-Agent"), read(ctx));
        set(ctx, session.id());
        Caller caller = new Caller(principal, Caller.Via.SESSION, session.id(), () -> Caller.Visibility.ALL);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("status", "signed_in");
        out.put("csrf_token", session.csrfToken());
        out.put(
                "principal",
                PrincipalView.of(caller, codes.code(principal.organization()).orElse(null)));
        return out;
    }

    /** Tells the browser to forget the cookie. */
    public void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + attributes(ctx) + "; Max-Age=0");
    }

    private String attributes(Context ctx) {
        boolean secure = alwaysSecure || "https".equalsIgnoreCase(ctx.scheme());
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
