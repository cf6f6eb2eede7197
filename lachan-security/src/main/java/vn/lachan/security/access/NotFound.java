package vn.lachan.security.access;

/**
 * Signals a resource outside the principal's organizations; its message never says whether the
 * resource exists.
 */
public final class NotFound extends AccessDenied {
    private static final long serialVersionUID = 1L;

    /** Creates the refusal; services also throw it for ids that do not exist, so both look alike. */
    public NotFound() {
        super("not found");
    }
}
