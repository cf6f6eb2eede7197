package vn.lachan.security.sso;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores which provider identity (issuer, subject) belongs to which Lachan account (a port: the metadata
 * database implements it). Thread-safe; each method atomic.
 */
public interface IdentityLinks {

    /** Returns the account linked to the identity. */
    Optional<UUID> user(String issuer, String subject);

    /** Stores a new link; returns false when the identity is already linked (to this or another account). */
    boolean link(Link link);

    /** Records a sign-in through the link; returns false when there is no such link. */
    boolean touch(String issuer, String subject, Instant at);

    /** Returns the links of one account, oldest first. */
    List<Link> of(UUID user);

    /** Removes every link of the account (when it is deleted or its identities are reset); returns how many. */
    int unlinkAll(UUID user);

    /** Returns links that store nothing: for a platform with no metadata database to keep them in. */
    static IdentityLinks none() {
        return new NoLinks();
    }

    /**
     * One identity linked to one account.
     *
     * @param issuer the provider's issuer, exactly as in its ID tokens
     * @param subject the {@code sub} claim
     * @param user the Lachan account
     * @param provider the configured provider id it was linked through
     * @param created when it was linked
     * @param lastSignIn when it was last used
     */
    record Link(String issuer, String subject, UUID user, String provider, Instant created, Instant lastSignIn) {
        public Link {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(lastSignIn, "lastSignIn");
        }
    }
}
