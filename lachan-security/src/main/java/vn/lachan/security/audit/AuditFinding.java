package vn.lachan.security.audit;

import java.util.Objects;

/**
 * Reports one way the trail differs from what was written.
 *
 * @param sequence the sequence number where the difference shows
 * @param kind what kind of difference
 * @param message what was found, in words a person can act on
 */
public record AuditFinding(long sequence, Kind kind, String message) {

    /** Names the kinds of tampering the verifier recognizes. */
    public enum Kind {
        /** A record's content no longer matches its hash, or a rewritten chain no longer matches a checkpoint. */
        CHANGED,
        /** Records are missing. */
        REMOVED,
        /** Records were added that were never appended through the trail. */
        INSERTED,
        /** Records were moved to other positions. */
        REORDERED,
        /** A checkpoint's signature does not verify. */
        BAD_CHECKPOINT
    }

    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "sequence " + sequence + ": " + kind + ": " + message;
    }
}
