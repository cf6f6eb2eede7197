package vn.lachan.security.token;

import java.util.Objects;

/**
 * Holds a freshly issued token: show {@code secret} to the user once; it is stored only as a hash.
 *
 * @param token the stored form
 * @param secret the token string, {@code lcn_} and 52 base32 characters
 */
public record IssuedToken(ApiToken token, String secret) {
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + ", secret hidden]";
    }
}
