package vn.lachan.security.token;

import java.util.Objects;
import vn.lachan.security.access.Principal;

/** Tells whether a presented API token is good; the reason for a refusal is for the audit trail only. */
public sealed interface TokenCheck {

    /**
     * The token is good.
     *
     * @param principal who acts with it
     * @param token the stored token
     */
    record Valid(Principal principal, ApiToken token) implements TokenCheck {
        public Valid {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The token is refused; answer the caller with {@link #ANSWER} whatever the reason.
     *
     * @param reason why, for the audit trail
     */
    record Refused(Reason reason) implements TokenCheck {
        /** The one answer every refused caller gets. */
        public static final String ANSWER = "the API token is not valid";

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Names why a token was refused. */
    enum Reason {
        /** Not of the form {@code lcn_} and 52 base32 characters. */
        MALFORMED,
        /** Well-formed but no token was ever issued with its selector. */
        UNKNOWN,
        /** Its selector names an issued token but the rest differs: altered or forged. */
        TAMPERED,
        /** It was revoked. */
        REVOKED,
        /** It expired. */
        EXPIRED
    }
}
