package vn.lachan.security.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.Scope;

/** Checks token requests against the issuing rules and cuts token lists into pages. */
final class TokenRules {
    private TokenRules() {}

    /** Returns what is wrong with the request's expiry and scopes for its role (empty when nothing). */
    static List<Problem> check(TokenRequest request, Instant now) {
        List<Problem> problems = new ArrayList<>();
        Instant expires = request.expires();
        if (expires == null) {
            problems.add(new Problem(
                    "expires", "", "give an expiry, at most " + ApiTokens.MAX_LIFETIME.toDays() + " days ahead"));
        } else if (expires.isAfter(now.plus(ApiTokens.MAX_LIFETIME))) {
            problems.add(new Problem(
                    "expires",
                    "",
                    "the expiry " + expires + " is more than " + ApiTokens.MAX_LIFETIME.toDays()
                            + " days ahead; issue a new token when this one nears its end"));
        }
        for (Scope scope : request.scopes()) {
            if (Collections.disjoint(scope.permissions(), request.role().permissions())) {
                problems.add(new Problem(
                        "scopes",
                        "",
                        "the scope " + scope.wireName() + " gives the role " + request.role()
                                + " nothing; choose scopes within the role"));
            }
        }
        return problems;
    }

    /** Returns the page of {@code tokens} (newest first) that the query selects. */
    static TokenPage page(List<ApiToken> tokens, TokenQuery query, Instant now) {
        UUID after = query.after();
        boolean started = after == null;
        List<ApiToken> items = new ArrayList<>(query.limit());
        for (ApiToken token : tokens) {
            if (!started) {
                started = token.id().equals(after);
                continue;
            }
            if (matches(token, query, now)) {
                if (items.size() == query.limit()) {
                    return new TokenPage(items, items.getLast().id());
                }
                items.add(token);
            }
        }
        return new TokenPage(items, null);
    }

    private static boolean matches(ApiToken token, TokenQuery query, Instant now) {
        @Nullable UUID organization = query.organization();
        ApiToken.Status status = query.status();
        return (organization == null || organization.equals(token.organization()))
                && (status == null || status == token.status(now));
    }
}
