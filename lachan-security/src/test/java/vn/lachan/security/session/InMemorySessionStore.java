package vn.lachan.security.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps sessions in a map keyed by id hash: the tests' session store, shared by the services that end them. */
public final class InMemorySessionStore implements SessionStore {
    final Map<String, Session> sessions = new HashMap<>();

    @Override
    public synchronized void create(Session session) {
        sessions.put(session.idHash(), session);
    }

    @Override
    public synchronized Optional<Session> byIdHash(String idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public synchronized List<Session> byUser(UUID user) {
        return sessions.values().stream()
                .filter(s -> s.user().equals(user))
                .sorted(Comparator.comparing(Session::created))
                .toList();
    }

    @Override
    public synchronized boolean touch(String idHash, Instant lastSeen) {
        Session s = sessions.get(idHash);
        if (s == null) {
            return false;
        }
        sessions.put(idHash, new Session(idHash, s.user(), s.created(), lastSeen, s.sourceAddress(), s.userAgent()));
        return true;
    }

    @Override
    public synchronized boolean delete(String idHash) {
        return sessions.remove(idHash) != null;
    }

    @Override
    public synchronized int deleteByUser(UUID user) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.user().equals(user));
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteExpired(Instant idleBefore, Instant createdBefore) {
        int before = sessions.size();
        sessions.values()
                .removeIf(s -> s.lastSeen().isBefore(idleBefore) || s.created().isBefore(createdBefore));
        return before - sessions.size();
    }
}
