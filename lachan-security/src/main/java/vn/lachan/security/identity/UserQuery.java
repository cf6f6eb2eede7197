package vn.lachan.security.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;

/**
 * Selects a page of user accounts, ordered by username.
 *
 * @param organization only accounts whose home is this organization, or null for every one the caller sees
 * @param role only accounts holding this role, or null
 * @param status only accounts in this status, or null
 * @param text only accounts whose username or display name contains this text (ignoring case and
 *     diacritics), or null
 * @param after the username of the last account of the previous page (its cursor), or null for the first
 * @param limit the most accounts to return, 1 to 1000
 */
public record UserQuery(
        @Nullable UUID organization,
        @Nullable Role role,
        @Nullable UserStatus status,
        @Nullable String text,
        @Nullable String after,
        int limit) {
    public UserQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 accounts, not " + limit);
        }
    }
}
