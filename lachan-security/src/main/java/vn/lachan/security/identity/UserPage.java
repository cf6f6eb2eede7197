package vn.lachan.security.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds one page of user accounts.
 *
 * @param items the accounts, ordered by username
 * @param nextCursor the username to pass as {@link UserQuery#after()} for the next page, or null on the last
 */
public record UserPage(List<UserAccount> items, @Nullable String nextCursor) {
    public UserPage {
        items = List.copyOf(items);
    }
}
