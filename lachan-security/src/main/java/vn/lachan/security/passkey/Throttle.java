package vn.lachan.security.passkey;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lachan.security.signin.SignInSettings;

/**
 * Counts failed passkey sign-ins per source address on the curve password sign-in uses for addresses, and
 * says how long an address must wait; forgets the least recently used addresses beyond a bound. A success
 * does not clear an address (one address may serve many people). Thread-safe.
 */
final class Throttle {
    private static final int CAPACITY = 100_000;

    private final SignInSettings settings;
    private final Map<String, State> states = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > CAPACITY;
        }
    };

    private static final class State {
        int failures;
        Instant notBefore = Instant.EPOCH;
    }

    Throttle(SignInSettings settings) {
        this.settings = settings;
    }

    /** Returns how long the address must still wait at {@code now} (zero when it may try). */
    synchronized Duration remaining(String address, Instant now) {
        State state = states.get(address);
        return state == null || !now.isBefore(state.notBefore) ? Duration.ZERO : Duration.between(now, state.notBefore);
    }

    /** Counts a failure and returns the wait it imposes. */
    synchronized Duration fail(String address, Instant now) {
        State state = states.computeIfAbsent(address, k -> new State());
        state.failures++;
        Duration wait = settings.addressWait(state.failures);
        state.notBefore = now.plus(wait);
        return wait;
    }
}
