package vn.lachan.security.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.lachan.security.access.OrganizationFilter;

/** Keeps tokens in a map. */
public final class InMemoryTokenStore implements TokenStore {
    final Map<UUID, ApiToken> tokens = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(ApiToken token) {
        if (tokens.containsKey(token.id()) || bySelector(token.selector()).isPresent()) {
            return false;
        }
        tokens.put(token.id(), token);
        return true;
    }

    @Override
    public synchronized Optional<ApiToken> byId(UUID id) {
        return Optional.ofNullable(tokens.get(id));
    }

    @Override
    public synchronized Optional<ApiToken> bySelector(String selector) {
        return tokens.values().stream()
                .filter(t -> t.selector().equals(selector))
                .findFirst();
    }

    @Override
    public synchronized List<ApiToken> list(OrganizationFilter organizations) {
        return tokens.values().stream()
                .filter(t -> organizations.includes(t.organization()))
                .sorted(Comparator.comparing(ApiToken::created).reversed())
                .toList();
    }

    @Override
    public synchronized boolean revoke(UUID id, Instant at) {
        ApiToken t = tokens.get(id);
        if (t == null || t.revoked() != null) {
            return false;
        }
        tokens.put(
                id,
                new ApiToken(
                        t.id(),
                        t.name(),
                        t.selector(),
                        t.secretHash(),
                        t.role(),
                        t.organization(),
                        t.scopes(),
                        t.created(),
                        t.expires(),
                        at,
                        t.lastUsed(),
                        t.createdBy()));
        return true;
    }

    @Override
    public synchronized void touch(UUID id, Instant at) {
        ApiToken t = tokens.get(id);
        if (t != null) {
            tokens.put(
                    id,
                    new ApiToken(
                            t.id(),
                            t.name(),
                            t.selector(),
                            t.secretHash(),
                            t.role(),
                            t.organization(),
                            t.scopes(),
                            t.created(),
                            t.expires(),
                            t.revoked(),
                            at,
                            t.createdBy()));
        }
    }
}
