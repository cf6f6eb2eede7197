package vn.lachan.security.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lachan.security.MutableClock;

class SessionsTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T07:00:00Z"));
    final InMemorySessionStore store = new InMemorySessionStore();
    final Sessions sessions = new Sessions(store, clock, new SecureRandom(), SessionSettings.DEFAULT, KEY);
    final UUID user = UUID.randomUUID();

    SessionCheck.Reason refusal(String id) {
        SessionCheck check = sessions.check(id);
        assertThat(check).isInstanceOf(SessionCheck.Refused.class);
        return ((SessionCheck.Refused) check).reason();
    }

    @Test
    void storesOnlyTheHashOfA256BitId() {
        NewSession s = sessions.begin(user, "10.0.0.5", "Firefox", null);
        assertThat(s.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(store.sessions).containsOnlyKeys(Sessions.hash(s.id()));
        assertThat(store.sessions.values()).noneMatch(x -> x.toString().contains(s.id()));
        assertThat(s.toString()).doesNotContain(s.id());
        assertThat(sessions.check(s.id())).isInstanceOf(SessionCheck.Valid.class);
    }

    @Test
    void rotatesOnSignInSoAPlantedIdDies() {
        NewSession planted = sessions.begin(user, null, null, null);
        NewSession fresh = sessions.begin(user, null, null, planted.id());
        assertThat(fresh.id()).isNotEqualTo(planted.id());
        assertThat(refusal(planted.id())).isEqualTo(SessionCheck.Reason.UNKNOWN);
        assertThat(sessions.check(fresh.id())).isInstanceOf(SessionCheck.Valid.class);
    }

    @Test
    void expiresWhenIdleAndAtTheAbsoluteLimitEvenWhenUsed() {
        NewSession idle = sessions.begin(user, null, null, null);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.check(idle.id())).isInstanceOf(SessionCheck.Valid.class);
        clock.advance(Duration.ofMinutes(30));
        assertThat(refusal(idle.id())).isEqualTo(SessionCheck.Reason.IDLE);
        assertThat(store.sessions).isEmpty();

        NewSession busy = sessions.begin(user, null, null, null);
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.check(busy.id()))
                    .as("after %d min", (i + 1) * 20)
                    .isInstanceOf(SessionCheck.Valid.class);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(refusal(busy.id())).isEqualTo(SessionCheck.Reason.EXPIRED);
    }

    @Test
    void refusesTamperedIds() {
        NewSession s = sessions.begin(user, null, null, null);
        char c = s.id().charAt(10);
        String tampered = s.id().substring(0, 10) + (c == 'A' ? 'B' : 'A') + s.id().substring(11);
        assertThat(refusal(tampered)).isEqualTo(SessionCheck.Reason.UNKNOWN);
        assertThat(refusal(s.id() + "=")).isEqualTo(SessionCheck.Reason.MALFORMED);
        assertThat(refusal("")).isEqualTo(SessionCheck.Reason.MALFORMED);
        assertThat(refusal("x".repeat(100_000))).isEqualTo(SessionCheck.Reason.MALFORMED);
    }

    @Test
    void csrfTokensAreBoundToOneSessionAndKey() {
        NewSession a = sessions.begin(user, null, null, null);
        NewSession b = sessions.begin(user, null, null, null);
        assertThat(sessions.csrfMatches(a.id(), a.csrfToken())).isTrue();
        assertThat(sessions.csrfMatches(a.id(), b.csrfToken())).isFalse();
        assertThat(sessions.csrfMatches(a.id(), null)).isFalse();
        assertThat(sessions.csrfMatches(a.id(), "")).isFalse();
        String t = a.csrfToken();
        assertThat(sessions.csrfMatches(a.id(), t.substring(1) + (t.charAt(0) == 'A' ? 'B' : 'A')))
                .isFalse();
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        Sessions otherServer = new Sessions(store, clock, new SecureRandom(), SessionSettings.DEFAULT, otherKey);
        assertThat(otherServer.csrfMatches(a.id(), a.csrfToken())).isFalse();
    }

    @Test
    void signOutAndResetRevokeSessions() {
        NewSession one = sessions.begin(user, null, null, null);
        NewSession two = sessions.begin(user, null, null, null);
        NewSession other = sessions.begin(UUID.randomUUID(), null, null, null);
        assertThat(sessions.end(one.id())).isTrue();
        assertThat(sessions.end(one.id())).isFalse();
        assertThat(refusal(one.id())).isEqualTo(SessionCheck.Reason.UNKNOWN);
        assertThat(sessions.endAll(user)).isEqualTo(1);
        assertThat(refusal(two.id())).isEqualTo(SessionCheck.Reason.UNKNOWN);
        assertThat(sessions.check(other.id())).isInstanceOf(SessionCheck.Valid.class);
    }

    @Test
    void purgesExpiredSessions() {
        sessions.begin(user, null, null, null);
        clock.advance(Duration.ofMinutes(31));
        NewSession recent = sessions.begin(user, null, null, null);
        assertThat(sessions.purgeExpired()).isEqualTo(1);
        assertThat(sessions.check(recent.id())).isInstanceOf(SessionCheck.Valid.class);
    }
}
