package vn.lachan.web.sso;

import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * Writes the two short-lived cookies of single sign-on, both HttpOnly and scoped to {@code /api/v1/auth/oidc}:
 * {@code lachan_sso_state} binds a started sign-in to the browser (SameSite=Lax, so that the provider's
 * top-level redirect back carries it; 10 minutes), and {@code lachan_sso_step} carries the ticket of a pending
 * second factor (SameSite=Strict; 5 minutes).
 */
final class SsoCookies {
    static final String STATE = "lachan_sso_state";
    static final String STEP = "lachan_sso_step";
    private static final String PATH = "/api/v1/auth/oidc";

    private final boolean alwaysSecure;

    SsoCookies(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    void set(Context ctx, String name, String value, String sameSite, long maxAgeSeconds) {
        ctx.res()
                .addHeader("Set-Cookie", name + "=" + value + attributes(ctx, sameSite) + "; Max-Age=" + maxAgeSeconds);
    }

    void clear(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=" + attributes(ctx, "Lax") + "; Max-Age=0");
    }

    static @Nullable String read(Context ctx, String name) {
        String value = ctx.cookie(name);
        return value == null || value.isEmpty() || value.length() > 128 ? null : value;
    }

    private String attributes(Context ctx, String sameSite) {
        boolean secure = alwaysSecure || "https".equalsIgnoreCase(ctx.scheme());
        return "; Path=" + PATH + "; HttpOnly; SameSite=" + sameSite + (secure ? "; Secure" : "");
    }
}
