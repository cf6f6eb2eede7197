package vn.lachan.security.signin;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import vn.lachan.security.access.Principal;

/** Tells how a sign-in attempt ended. */
public sealed interface SignInResult {

    /**
     * The user is signed in: begin a session for the principal.
     *
     * @param principal who signed in
     */
    record SignedIn(Principal principal) implements SignInResult {
        public SignedIn {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** The password was right; ask for the authenticator code (or a recovery code) and try again. */
    record SecondFactorRequired() implements SignInResult {}

    /**
     * The password was right but the user's role needs a second factor that is not enrolled yet:
     * show the enrolment page, then call {@link SignInService#enrol}.
     *
     * @param user the user to enrol
     */
    record EnrolmentRequired(UUID user) implements SignInResult {
        public EnrolmentRequired {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The attempt failed; answer {@link #ANSWER} whatever the reason, so the answer does not tell
     * whether the account exists.
     *
     * @param retryAfter how long before another attempt can succeed (zero when at once)
     */
    record Refused(Duration retryAfter) implements SignInResult {
        /** The one answer every refused attempt gets. */
        public static final String ANSWER =
                "the username, password or code is wrong, or the account cannot sign in now";

        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
