package vn.lachan.security.identity;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;

/**
 * Holds a request to create a user, as typed by an administrator.
 *
 * @param username the sign-in name as typed (normalized on creation)
 * @param displayName the name shown to people
 * @param email the work e-mail address, or null
 * @param organization the home organization
 * @param roles the roles to grant
 * @param password the initial password
 */
public record NewUser(
        String username,
        String displayName,
        @Nullable String email,
        UUID organization,
        Set<Role> roles,
        String password) {
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(password, "password");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + roles + ", password hidden]";
    }
}
