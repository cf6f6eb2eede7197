package vn.lachan.security.token;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens this process revoked in the last minute, so that a cache of verified tokens in front
 * of the store (the HTTP gate's) can drop a revoked token at once instead of when its entry expires.
 *
 * <p>Bounded by time: entries older than {@link #KEEP_NANOS} are pruned on each revocation. Thread-safe.
 */
final class RecentRevocations {
    static final long KEEP_NANOS = 60_000_000_000L;

    private final ConcurrentHashMap<UUID, Long> revoked = new ConcurrentHashMap<>();

    void add(UUID token) {
        long now = System.nanoTime();
        revoked.values().removeIf(at -> now - at > KEEP_NANOS);
        revoked.put(token, now);
    }

    boolean contains(UUID token) {
        return !revoked.isEmpty() && revoked.containsKey(token);
    }
}
