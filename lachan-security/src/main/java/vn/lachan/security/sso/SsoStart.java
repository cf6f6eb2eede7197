package vn.lachan.security.sso;

import java.net.URI;
import java.util.Objects;

/** Tells how the start of a sign-in ended. */
public sealed interface SsoStart {

    /**
     * Send the browser to the provider.
     *
     * @param authorization the provider's authorization URL, with state, nonce and the PKCE challenge
     * @param browserKey the secret that binds the state to this browser: set it in a short-lived HttpOnly
     *     cookie and give it back to {@link SingleSignOn#callback}
     */
    record Redirect(URI authorization, String browserKey) implements SsoStart {
        public Redirect {
            Objects.requireNonNull(authorization, "authorization");
            Objects.requireNonNull(browserKey, "browserKey");
        }
    }

    /**
     * The sign-in cannot start.
     *
     * @param reason {@code unknown-provider}, {@code provider-unavailable} or {@code bad-return-to}
     * @param message what happened, for a person
     */
    record Refused(String reason, String message) implements SsoStart {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One configured provider, for a sign-in page.
     *
     * @param id the provider id in the routes
     * @param displayName the name to show
     * @param available whether its discovery document is at hand (false while it is unreachable)
     */
    record Choice(String id, String displayName, boolean available) {
        public Choice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }
}
