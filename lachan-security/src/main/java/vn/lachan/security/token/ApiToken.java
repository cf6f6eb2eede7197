package vn.lachan.security.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/**
 * Describes an API token as stored: never the token itself, only a lookup selector and a hash.
 *
 * @param id the token id
 * @param name what the token is for, e.g. {@code syslog relay sở Y tế}
 * @param selector the first 16 characters of the token's random part, used to find the row (not a
 *     secret on its own: the hash is what proves possession)
 * @param secretHash lower-case hex SHA-256 of the whole token string
 * @param role the role the token acts with
 * @param organization the organization the token acts for
 * @param scopes what the token may do within its role; never empty
 * @param created when it was issued
 * @param expires when it stops working, or null for never
 * @param revoked when it was revoked, or null while it is not
 * @param lastUsed when it last passed verification, or null when it never did
 * @param createdBy the user who issued it, or null when issued from the command line
 */
public record ApiToken(
        UUID id,
        String name,
        String selector,
        String secretHash,
        Role role,
        UUID organization,
        Set<Scope> scopes,
        Instant created,
        @Nullable Instant expires,
        @Nullable Instant revoked,
        @Nullable Instant lastUsed,
        @Nullable UUID createdBy) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(created, "created");
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        if (secretHash.length() != 64) {
            throw new IllegalArgumentException("secret hash is not hex SHA-256: " + secretHash.length() + " chars");
        }
    }

    /** Says whether a token works now. */
    public enum Status {
        /** Neither revoked nor expired. */
        ACTIVE,
        /** Past its expiry. */
        EXPIRED,
        /** Revoked (whatever its expiry). */
        REVOKED
    }

    /** Returns whether the token works at {@code now}. */
    public Status status(Instant now) {
        if (revoked != null) {
            return Status.REVOKED;
        }
        return expires != null && !now.isBefore(expires) ? Status.EXPIRED : Status.ACTIVE;
    }
}
