package vn.lachan.security.access;

/**
 * Signals that {@link AccessPolicy} refused an action; the web layer maps {@link NotFound} to 404
 * and {@link Forbidden} to 403.
 */
public abstract sealed class AccessDenied extends RuntimeException permits NotFound, Forbidden {
    private static final long serialVersionUID = 1L;

    AccessDenied(String message) {
        super(message, null, false, false);
    }
}
