package vn.lachan.security.session;

import java.util.Objects;

/** Tells whether a presented session id is good; the reason for a refusal is for the audit trail. */
public sealed interface SessionCheck {

    /**
     * The session is good (and its last-seen time was moved on).
     *
     * @param session the stored session
     */
    record Valid(Session session) implements SessionCheck {
        public Valid {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session is refused; the browser must sign in again.
     *
     * @param reason why
     */
    record Refused(Reason reason) implements SessionCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Names why a session was refused. */
    enum Reason {
        /** Not 43 base64url characters: altered or made up. */
        MALFORMED,
        /** Well-formed but unknown: signed out, revoked, or made up. */
        UNKNOWN,
        /** Unused for longer than the idle timeout. */
        IDLE,
        /** Older than the absolute timeout. */
        EXPIRED
    }
}
