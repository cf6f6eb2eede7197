package vn.lachan.security.sso;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores no link: for a platform with single sign-on off, where no callback can ever get this far. */
final class NoLinks implements IdentityLinks {
    @Override
    public Optional<UUID> user(String issuer, String subject) {
        return Optional.empty();
    }

    @Override
    public boolean link(Link link) {
        return false;
    }

    @Override
    public boolean touch(String issuer, String subject, Instant at) {
        return false;
    }

    @Override
    public List<Link> of(UUID user) {
        return List.of();
    }

    @Override
    public int unlinkAll(UUID user) {
        return 0;
    }
}
