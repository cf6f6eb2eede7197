package vn.lachan.security.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;

/**
 * Holds the changes an administrator asks for on one account; a null field stays as it is.
 *
 * @param displayName the new display name, or null
 * @param email the new e-mail address, an empty string to remove it, or null
 * @param organization the new home organization, or null
 * @param roles the new roles (replacing the old ones), or null
 * @param status the new status, or null
 */
public record UserChange(
        @Nullable String displayName,
        @Nullable String email,
        @Nullable UUID organization,
        @Nullable Set<Role> roles,
        @Nullable UserStatus status) {
    public UserChange {
        roles = roles == null ? null : Set.copyOf(roles);
    }

    /** Returns a change of the roles alone. */
    public static UserChange roles(Set<Role> roles) {
        return new UserChange(null, null, null, roles, null);
    }

    /** Returns a change of the status alone. */
    public static UserChange status(UserStatus status) {
        return new UserChange(null, null, null, null, status);
    }
}
