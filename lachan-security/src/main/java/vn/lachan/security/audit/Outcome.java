package vn.lachan.security.audit;

/** Says how an audited action ended. */
public enum Outcome {
    /** The action was done. */
    SUCCESS,
    /** The action was attempted and failed (a wrong password, a bad input). */
    FAILURE,
    /** The action was refused by access control, throttling or lockout. */
    DENIED
}
