package vn.lachan.security.session;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Describes a browser session as stored: never the session id itself, only its hash.
 *
 * @param idHash lower-case hex SHA-256 of the session id the browser holds
 * @param user the signed-in user
 * @param created when the session began (the absolute timeout counts from here)
 * @param lastSeen when the session was last used (the idle timeout counts from here)
 * @param sourceAddress the address the session began from, or null when unknown
 * @param userAgent the browser's User-Agent at sign-in (cut to 256 characters), or null
 */
public record Session(
        String idHash,
        UUID user,
        Instant created,
        Instant lastSeen,
        @Nullable String sourceAddress,
        @Nullable String userAgent) {

    public Session {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (idHash.length() != 64) {
            throw new IllegalArgumentException("id hash is not hex SHA-256: " + idHash.length() + " chars");
        }
    }
}
