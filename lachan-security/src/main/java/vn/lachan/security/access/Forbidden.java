package vn.lachan.security.access;

/** Signals that the principal may see the resource but lacks the permission for the action. */
public final class Forbidden extends AccessDenied {
    private static final long serialVersionUID = 1L;

    private final Permission missing;

    Forbidden(Permission missing) {
        this(missing, "this needs the permission " + missing + ", which your roles do not grant");
    }

    Forbidden(Permission missing, String message) {
        super(message);
        this.missing = missing;
    }

    /** Returns the permission the principal lacks. */
    public Permission missing() {
        return missing;
    }
}
