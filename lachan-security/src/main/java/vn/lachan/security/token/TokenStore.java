package vn.lachan.security.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.lachan.security.access.OrganizationFilter;

/**
 * Stores API tokens (a port: the metadata database implements it).
 *
 * <p>Thread-safe; each method atomic. Selectors are unique (a unique index on the column).
 */
public interface TokenStore {

    /** Stores a newly issued token; returns false when its id or selector is already taken. */
    boolean create(ApiToken token);

    /** Returns the token with this id. */
    Optional<ApiToken> byId(UUID id);

    /** Returns the token with this selector. */
    Optional<ApiToken> bySelector(String selector);

    /** Returns the tokens of organizations that pass the filter, newest first. */
    List<ApiToken> list(OrganizationFilter organizations);

    /** Marks the token revoked at {@code at} unless it already is; returns false when it was or is unknown. */
    boolean revoke(UUID id, Instant at);

    /** Records a successful use (implementations may skip the write when the stored time is recent). */
    void touch(UUID id, Instant at);
}
