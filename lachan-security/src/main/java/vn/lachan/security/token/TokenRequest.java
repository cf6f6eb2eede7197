package vn.lachan.security.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/**
 * Holds a request to issue an API token, as an administrator or a security officer typed it.
 *
 * @param name what the token is for, e.g. {@code syslog relay sở Y tế}
 * @param role the role the token acts with; the issuer must hold every permission it grants
 * @param organization the organization the token acts for; within what the issuer sees
 * @param scopes what the token may do within its role; each must give the role something
 * @param expires when it stops working; required, at most {@link ApiTokens#MAX_LIFETIME} ahead (null is
 *     reported as a problem, not thrown)
 */
public record TokenRequest(
        String name,
        Role role,
        UUID organization,
        Set<Scope> scopes,
        @Nullable Instant expires) {
    public TokenRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
        scopes = Set.copyOf(scopes);
    }
}
