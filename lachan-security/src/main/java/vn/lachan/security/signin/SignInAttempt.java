package vn.lachan.security.signin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds what a person typed to sign in and where it came from.
 *
 * @param username the username as typed
 * @param password the password as typed
 * @param secondFactor the authenticator code or a recovery code, or null when not asked for yet
 * @param sourceAddress the client address, or null when not over the network (the CLI)
 */
public record SignInAttempt(
        String username,
        String password,
        @Nullable String secondFactor,
        @Nullable String sourceAddress) {
    public SignInAttempt {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SignInAttempt[" + username + " from " + sourceAddress + ", secrets hidden]";
    }
}
