package vn.lachan.security.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores browser sessions (a port: the metadata database implements it).
 *
 * <p>Thread-safe; each method atomic. Revoking a session deletes its row.
 */
public interface SessionStore {

    /** Stores a new session. */
    void create(Session session);

    /** Returns the session with this id hash. */
    Optional<Session> byIdHash(String idHash);

    /** Returns the user's sessions, oldest first. */
    List<Session> byUser(UUID user);

    /** Sets the last-seen time of a session; returns false when it is gone. */
    boolean touch(String idHash, Instant lastSeen);

    /** Deletes one session; returns false when it was already gone. */
    boolean delete(String idHash);

    /** Deletes every session of a user and returns how many there were. */
    int deleteByUser(UUID user);

    /**
     * Deletes the sessions last seen before {@code idleBefore} or created before {@code
     * createdBefore} and returns how many there were.
     */
    int deleteExpired(Instant idleBefore, Instant createdBefore);
}
