package vn.lachan.web.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the second-factor enrolments begun at sign-in until the user confirms them with a code: a random
 * ticket names the user (who has just given the right password) and the new secret.
 *
 * <p>A ticket lives 10 minutes and takes 5 wrong codes, then it is gone and the user signs in again (which is
 * throttled), so the 6-digit code cannot be guessed through it. In memory: a restart drops pending
 * enrolments. Thread-safe.
 */
final class Enrolments {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int ATTEMPTS = 5;
    private static final int MAX_PENDING = 10_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** One enrolment waiting for its code. */
    record Pending(UUID user, byte[] secret, Instant expires, int attemptsLeft) {}

    Enrolments(Clock clock) {
        this.clock = clock;
    }

    /** Begins an enrolment and returns its ticket. */
    String begin(UUID user, byte[] secret) {
        purge();
        if (pending.size() >= MAX_PENDING) {
            throw new IllegalStateException("more than " + MAX_PENDING + " second-factor enrolments are pending");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(ticket, new Pending(user, secret.clone(), clock.instant().plus(LIFETIME), ATTEMPTS));
        return ticket;
    }

    /** Returns the enrolment of a ticket that is still valid. */
    Optional<Pending> find(String ticket) {
        Pending p = pending.get(ticket);
        if (p == null || !clock.instant().isBefore(p.expires())) {
            pending.remove(ticket);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Counts a wrong code against the ticket, dropping it after the last attempt. */
    void failed(String ticket) {
        pending.computeIfPresent(
                ticket,
                (t, p) -> p.attemptsLeft() <= 1
                        ? null
                        : new Pending(p.user(), p.secret(), p.expires(), p.attemptsLeft() - 1));
    }

    /** Ends an enrolment (confirmed). */
    void done(String ticket) {
        pending.remove(ticket);
    }

    private void purge() {
        Instant now = clock.instant();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expires())) {
                it.remove();
            }
        }
    }
}
