package vn.lachan.security.passkey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the ceremonies begun and not yet finished, keyed by a random ceremony id: the challenge and every
 * other expectation stay on the server, and the client only names the ceremony.
 *
 * <p>Each ceremony is taken at most once, whatever the outcome, and expires after the configured lifetime, so
 * a challenge cannot be answered twice or late. In memory: a restart drops ceremonies in flight (the person
 * starts again). Thread-safe.
 *
 * @param <T> what the ceremony must be finished against
 */
final class Ceremonies<T> {
    static final int MAX_PENDING = 50_000;

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final Map<String, Pending<T>> pending = new ConcurrentHashMap<>();

    private record Pending<T>(T expected, Instant expires) {}

    Ceremonies(Clock clock, Duration lifetime, SecureRandom random) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
    }

    /** Remembers {@code expected} and returns the new ceremony's id; refuses when too many are pending. */
    Optional<String> begin(T expected) {
        if (pending.size() >= MAX_PENDING) {
            purge();
            if (pending.size() >= MAX_PENDING) {
                return Optional.empty();
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Passkey.encode(bytes);
        pending.put(id, new Pending<>(expected, clock.instant().plus(lifetime)));
        return Optional.of(id);
    }

    /** Takes the ceremony out (it cannot be finished again) and returns it when it has not expired. */
    Optional<T> take(String id) {
        Pending<T> p = pending.remove(id);
        if (p == null || !clock.instant().isBefore(p.expires())) {
            return Optional.empty();
        }
        return Optional.of(p.expected());
    }

    /** Returns how many ceremonies are pending (expired ones included until purged). */
    int size() {
        return pending.size();
    }

    private void purge() {
        Instant now = clock.instant();
        for (Iterator<Pending<T>> it = pending.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expires())) {
                it.remove();
            }
        }
    }
}
