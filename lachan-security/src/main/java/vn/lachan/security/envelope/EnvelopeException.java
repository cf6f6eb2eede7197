package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.Serial;
import vn.lachan.core.problem.Problem;

/**
 * Refuses an envelope: says why ({@link Reason}), where (chunk, offset) and what to do.
 *
 * <p>It is an {@link IOException} because it surfaces through {@link java.io.InputStream#read}: a
 * reader that sees it must discard everything read from that envelope so far.
 */
public final class EnvelopeException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why an envelope was refused. */
    public enum Reason {
        /** The data does not start with the envelope magic. */
        NOT_AN_ENVELOPE,
        /** The envelope was written by a format version this reader does not know. */
        UNSUPPORTED_VERSION,
        /** A field is out of its allowed range. */
        MALFORMED,
        /** The sender's key is not among the trusted senders. */
        UNKNOWN_SIGNER,
        /** The header signature does not verify: the header was altered. */
        TAMPERED_HEADER,
        /** The envelope is not addressed to this recipient key, or its key slot does not open. */
        WRONG_RECIPIENT,
        /** A chunk does not decrypt at its position: altered, reordered, dropped or duplicated. */
        TAMPERED_CHUNK,
        /** The data ends before the final chunk and the closing signature. */
        TRUNCATED,
        /** The closing signature over the header and all chunks does not verify. */
        BAD_SIGNATURE,
        /** Bytes follow the closing signature. */
        APPENDED_DATA
    }

    private final Reason reason;
    private final transient Problem problem;

    EnvelopeException(Reason reason, Problem problem) {
        super(problem.toString());
        this.reason = reason;
        this.problem = problem;
    }

    /** Returns why the envelope was refused. */
    public Reason reason() {
        return reason;
    }

    /** Returns the refusal as a problem value: source, location and message. */
    public Problem problem() {
        return problem;
    }
}
