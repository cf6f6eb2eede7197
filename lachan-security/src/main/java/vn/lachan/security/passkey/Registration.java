package vn.lachan.security.passkey;

import java.util.Objects;

/** Tells how finishing a passkey registration went. */
public sealed interface Registration {

    /**
     * The passkey is stored and can sign in.
     *
     * @param passkey the new passkey
     */
    record Registered(Passkey passkey) implements Registration {
        public Registered {
            Objects.requireNonNull(passkey, "passkey");
        }
    }

    /**
     * The answer was refused; nothing was stored.
     *
     * @param reason why, in words a person can act on (never a secret)
     */
    record Refused(String reason) implements Registration {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
