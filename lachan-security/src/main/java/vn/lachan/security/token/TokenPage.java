package vn.lachan.security.token;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Holds one page of API tokens (never their secrets).
 *
 * @param items the tokens, newest first
 * @param nextCursor the id to pass as {@link TokenQuery#after()} for the next page, or null on the last
 */
public record TokenPage(List<ApiToken> items, @Nullable UUID nextCursor) {
    public TokenPage {
        items = List.copyOf(items);
    }
}
