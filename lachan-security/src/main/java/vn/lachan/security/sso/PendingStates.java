package vn.lachan.security.sso;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers sign-ins between the start and the provider's callback, by their {@code state}: each is used once,
 * lives {@link #LIFETIME}, and is bound to the browser by a key kept in a cookie (only its SHA-256 here). Bounded:
 * the oldest is dropped beyond the capacity. Thread-safe.
 */
final class PendingStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int CAPACITY = 10_000;

    record Pending(
            String provider,
            byte[] browserKeyHash,
            Nonce nonce,
            CodeVerifier verifier,
            URI redirectUri,
            String returnTo,
            Instant expires) {}

    private final Map<String, Pending> states = new LinkedHashMap<>();
    private final Clock clock;

    PendingStates(Clock clock) {
        this.clock = clock;
    }

    synchronized void put(String state, Pending pending) {
        purge();
        if (states.size() >= CAPACITY) {
            Iterator<String> oldest = states.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        states.put(state, pending);
    }

    /** Removes and returns the pending sign-in of {@code state}, unless it has expired. */
    synchronized Optional<Pending> take(String state) {
        Pending pending = states.remove(state);
        if (pending == null || clock.instant().isAfter(pending.expires())) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    static boolean sameBrowser(Pending pending, String browserKey) {
        return MessageDigest.isEqual(pending.browserKeyHash(), Secrets.sha256(browserKey));
    }

    private void purge() {
        Instant now = clock.instant();
        states.values().removeIf(p -> now.isAfter(p.expires()));
    }
}
