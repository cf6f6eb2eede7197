package vn.lachan.security.identity;

/** Says whether a user account may sign in. */
public enum UserStatus {
    /** The account may sign in. */
    ACTIVE,
    /** The account was switched off by an administrator and may not sign in. */
    DISABLED
}
