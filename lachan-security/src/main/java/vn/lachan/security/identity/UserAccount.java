package vn.lachan.security.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;

/**
 * Describes a person who may sign in: who they are, where they work and what roles they hold.
 *
 * <p>Credentials are kept apart in {@link Credentials}, so an account can be listed and shown
 * without touching them.
 *
 * @param id the account id
 * @param username the sign-in name, in the normalized form {@link UserDirectory#normalizeUsername}
 *     returns (lower case, 3 to 64 characters)
 * @param displayName the name shown to people, e.g. {@code Nguyễn Văn An}
 * @param email the work e-mail address, or null when there is none (personal data: encrypted at
 *     rest)
 * @param organization the home organization
 * @param roles the roles held; may be empty (an account with no role can do nothing)
 * @param status whether the account may sign in
 * @param created when the account was created
 * @param updated when the account was last changed
 */
public record UserAccount(
        UUID id,
        String username,
        String displayName,
        @Nullable String email,
        UUID organization,
        Set<Role> roles,
        UserStatus status,
        Instant created,
        Instant updated) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        roles = Set.copyOf(roles);
        if (!UserDirectory.normalizeUsername(username).equals(username)) {
            throw new IllegalArgumentException("username not in normalized form: " + username);
        }
    }

    /** Returns whether any of the roles requires a second factor at sign-in. */
    public boolean requiresSecondFactor() {
        return roles.stream().anyMatch(Role::requiresSecondFactor);
    }
}
