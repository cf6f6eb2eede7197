package vn.lachan.security.token;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.token.ApiToken.Status;

/**
 * Selects a page of API tokens, newest first.
 *
 * @param organization only tokens of this organization, or null for every one the caller sees
 * @param status only tokens in this state now, or null for all
 * @param after the id of the last token of the previous page (its cursor), or null for the first page
 * @param limit the most tokens to return, 1 to 1000
 */
public record TokenQuery(
        @Nullable UUID organization,
        @Nullable Status status,
        @Nullable UUID after,
        int limit) {
    public TokenQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 tokens, not " + limit);
        }
    }
}
