package vn.lachan.web.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the API token out of an {@code Authorization} header: {@code Bearer <token>}, {@code ApiKey
 * base64(id:token)} (what Elasticsearch outputs send) or {@code Basic base64(user:token)} (the token as the
 * password; the user name is ignored).
 */
final class Credentials {
    private static final int MAX_HEADER = 4096;

    private Credentials() {}

    /** Returns the token the header carries, or throws a 401 problem saying what is wrong with the header. */
    static String token(String header) {
        if (header.length() > MAX_HEADER) {
            throw Gate.unauthenticated("the Authorization header is longer than " + MAX_HEADER + " characters");
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        if (rest.isEmpty()) {
            throw Gate.unauthenticated("the Authorization header names a scheme but carries no credentials");
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer" -> rest;
            case "apikey" -> afterColon(decode(rest, "ApiKey"), true);
            case "basic" -> afterColon(decode(rest, "Basic"), false);
            default ->
                throw Gate.unauthenticated(
                        "the Authorization scheme '" + scheme + "' is not accepted; use Bearer, ApiKey or Basic");
        };
    }

    private static String decode(String base64, String scheme) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Gate.unauthenticated("the " + scheme + " credentials are not valid base64");
        }
    }

    private static String afterColon(String decoded, boolean wholeWhenNoColon) {
        int colon = decoded.indexOf(':');
        @Nullable String token = colon >= 0 ? decoded.substring(colon + 1) : wholeWhenNoColon ? decoded : null;
        if (token == null || token.isEmpty()) {
            throw Gate.unauthenticated("Basic credentials need the API token as the password (user:token)");
        }
        return token;
    }
}
