package vn.lachan.security.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Begins, checks and ends browser sessions, and issues and checks their CSRF tokens.
 *
 * <p>A session id is 256 random bits in base64url; the store keeps only its SHA-256, so a copy of
 * the database does not yield working cookies. A session dies after {@code idle} without use or
 * {@code absolute} after it began. A new session is begun at every sign-in (the old id, if the
 * browser had one, is ended: no fixation). The CSRF token is HMAC-SHA256 of the session's id hash
 * under a server key: bound to one session, nothing to store, useless after sign-out. Thread-safe.
 */
public final class Sessions {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
    private static final String CSRF_LABEL = "lachan.csrf.v1:";

    private final SessionStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final SessionSettings settings;
    private final SecretKeySpec csrfKey;

    /**
     * Creates the service.
     *
     * @param csrfKey at least 32 bytes of secret key material for the CSRF tokens, the same on
     *     every node (derive it from the master key)
     */
    public Sessions(SessionStore store, Clock clock, SecureRandom random, SessionSettings settings, byte[] csrfKey) {
        if (csrfKey.length < 32) {
            throw new IllegalArgumentException("the CSRF key needs at least 32 bytes, got " + csrfKey.length);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.csrfKey = new SecretKeySpec(csrfKey.clone(), "HmacSHA256");
    }

    /**
     * Begins a session for a user who just signed in, ending the one the browser came with.
     *
     * @param previousId the session id the browser presented before signing in, or null
     */
    public NewSession begin(
            UUID user, @Nullable String sourceAddress, @Nullable String userAgent, @Nullable String previousId) {
        if (previousId != null) {
            end(previousId);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String agent = userAgent == null || userAgent.length() <= 256 ? userAgent : userAgent.substring(0, 256);
        Session session = new Session(hash(id), user, now, now, sourceAddress, agent);
        store.create(session);
        return new NewSession(id, session, csrfToken(id));
    }

    /** Checks a presented session id and, when good, moves its last-seen time on. */
    public SessionCheck check(String presentedId) {
        if (!FORMAT.matcher(presentedId).matches()) {
            return new SessionCheck.Refused(SessionCheck.Reason.MALFORMED);
        }
        Optional<Session> found = store.byIdHash(hash(presentedId));
        if (found.isEmpty()) {
            return new SessionCheck.Refused(SessionCheck.Reason.UNKNOWN);
        }
        Session session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.created().plus(settings.absolute()))) {
            store.delete(session.idHash());
            return new SessionCheck.Refused(SessionCheck.Reason.EXPIRED);
        }
        if (!now.isBefore(session.lastSeen().plus(settings.idle()))) {
            store.delete(session.idHash());
            return new SessionCheck.Refused(SessionCheck.Reason.IDLE);
        }
        if (session.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            store.touch(session.idHash(), now);
            session = new Session(
                    session.idHash(),
                    session.user(),
                    session.created(),
                    now,
                    session.sourceAddress(),
                    session.userAgent());
        }
        return new SessionCheck.Valid(session);
    }

    /** Returns the CSRF token bound to this session id. */
    public String csrfToken(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(hash(sessionId)));
    }

    /** Returns whether {@code presented} is this session's CSRF token; the comparison takes constant time. */
    public boolean csrfMatches(String sessionId, @Nullable String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = csrfToken(sessionId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends one session (sign-out); returns false when it was already gone. */
    public boolean end(String sessionId) {
        return FORMAT.matcher(sessionId).matches() && store.delete(hash(sessionId));
    }

    /** Ends every session of a user (password or second-factor reset, disabled account); returns how many. */
    public int endAll(UUID user) {
        return store.deleteByUser(user);
    }

    /** Deletes sessions past either timeout; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return store.deleteExpired(now.minus(settings.idle()), now.minus(settings.absolute()));
    }

    private byte[] mac(String idHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            return mac.doFinal((CSRF_LABEL + idHash).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
