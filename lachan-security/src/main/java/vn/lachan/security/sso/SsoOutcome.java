package vn.lachan.security.sso;

import java.util.List;
import java.util.Objects;
import vn.lachan.security.access.Principal;

/** Tells how a single sign-on step ended. */
public sealed interface SsoOutcome {

    /**
     * The user is signed in: begin a browser session, then send the browser to {@code returnTo}.
     *
     * @param principal who signed in
     * @param returnTo the local path to go back to
     * @param recoveryCodes recovery codes to show once (after a second factor was enrolled), else empty
     */
    record SignedIn(Principal principal, String returnTo, List<String> recoveryCodes) implements SsoOutcome {
        public SignedIn {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(returnTo, "returnTo");
            recoveryCodes = List.copyOf(recoveryCodes);
        }
    }

    /**
     * The provider did not assert a second factor the user's role needs: ask for the authenticator code (or a
     * recovery code), then call {@link SingleSignOn#secondFactor} with the ticket.
     *
     * @param ticket the one-time ticket of this pending sign-in (keep it in an HttpOnly cookie)
     * @param returnTo the local path to go back to afterwards
     */
    record SecondFactorRequired(String ticket, String returnTo) implements SsoOutcome {
        public SecondFactorRequired {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(returnTo, "returnTo");
        }
    }

    /**
     * As {@link SecondFactorRequired}, for a user with no authenticator yet: show the secret, then confirm it
     * with a code through {@link SingleSignOn#secondFactor}.
     *
     * @param ticket the one-time ticket of this pending sign-in
     * @param returnTo the local path to go back to afterwards
     * @param otpauthUri the new secret as an {@code otpauth://} URI (for a QR code)
     */
    record EnrolmentRequired(String ticket, String returnTo, String otpauthUri) implements SsoOutcome {
        public EnrolmentRequired {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(returnTo, "returnTo");
            Objects.requireNonNull(otpauthUri, "otpauthUri");
        }
    }

    /**
     * The sign-in failed; already in the audit trail.
     *
     * @param reason a short stable code ({@code provider-error}, {@code state-unknown}, {@code
     *     state-not-this-browser}, {@code token-exchange}, {@code id-token}, {@code unknown-user}, {@code
     *     disabled}, {@code provider-unavailable}, {@code second-factor})
     * @param message what happened, for a person; never a secret
     */
    record Refused(String reason, String message) implements SsoOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
