package vn.lachan.meta;

import java.io.Serial;

/**
 * Reports that the metadata database cannot be used: its file is held by another process, the
 * server cannot be reached, or it was migrated by a newer Lachan. The message says what to do.
 */
public final class MetaDatabaseException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message a person can act on and the underlying cause. */
    public MetaDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message a person can act on. */
    public MetaDatabaseException(String message) {
        super(message);
    }
}
