package vn.lachan.security.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Counts failures per key in memory (source addresses, names of accounts that do not exist) and
 * says how long a key must wait; forgets the least recently used keys beyond a bound.
 */
final class AttemptLimiter {
    private final Map<String, State> states;
    private final IntFunction<Duration> policy;

    AttemptLimiter(int capacity, IntFunction<Duration> policy) {
        this.policy = policy;
        this.states = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns how long the key must still wait at {@code now} (zero when it may try). */
    synchronized Duration remaining(String key, Instant now) {
        State state = states.get(key);
        if (state == null || !now.isBefore(state.notBefore)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.notBefore);
    }

    /** Counts a failure and returns the wait it imposes. */
    synchronized Duration fail(String key, Instant now) {
        State state = states.computeIfAbsent(key, k -> new State());
        state.failures++;
        Duration wait = policy.apply(state.failures);
        state.notBefore = now.plus(wait);
        return wait;
    }

    /** Forgets the key's failures. */
    synchronized void clear(String key) {
        states.remove(key);
    }

    private static final class State {
        int failures;
        Instant notBefore = Instant.EPOCH;
    }
}
