package vn.lachan.security.crypto;

import java.io.Serial;

/**
 * Reports that a sealed value or a keyring could not be opened: altered data, a value moved to
 * another context, an unknown data key or a wrong master key. Messages never contain key bytes.
 */
public final class SealException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message a person can act on. */
    public SealException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
