package vn.lachan.meta.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.identity.JdbcUserStore;
import vn.lachan.meta.org.JdbcOrganizations;
import vn.lachan.meta.session.JdbcSessionStore;
import vn.lachan.meta.testing.Backend;
import vn.lachan.meta.testing.TestSealer;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.session.Session;
import vn.lachan.security.token.ApiToken;

@ParameterizedClass
@EnumSource(Backend.class)
class TokenAndSessionStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private final Backend backend;

    @TempDir
    Path data;

    private MetaDatabase db;
    private Organization org;
    private UserAccount user;
    private TestSealer sealer;

    TokenAndSessionStoreTest(Backend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void open() {
        db = MetaDatabase.open(backend.freshDatabase(data));
        sealer = new TestSealer();
        org = new JdbcOrganizations(db, sealer, Clock.systemUTC())
                .create(Organization.create("SO-YT", "Sở Y tế", null, OrganizationKind.DEPARTMENT, null))
                .orElseThrow();
        user = new UserAccount(
                UUID.randomUUID(), "an", "An", null, org.id(), Set.of(Role.SOC_LEAD), UserStatus.ACTIVE, T0, T0);
        new JdbcUserStore(db, sealer).create(user);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ApiToken token(String selector) {
        return new ApiToken(
                UUID.randomUUID(),
                "syslog relay Sở Y tế",
                selector,
                "ab".repeat(32),
                Role.ORG_SECURITY_OFFICER,
                org.id(),
                EnumSet.of(Scope.INGEST, Scope.EVENTS_READ),
                T0,
                T0.plusSeconds(86_400),
                null,
                null,
                user.id());
    }

    @Test
    void tokensAreFoundBySelectorRevokedOnceAndTouchedSparingly() {
        JdbcTokenStore tokens = new JdbcTokenStore(db);
        ApiToken issued = token("sel0123456789abc");
        assertThat(tokens.create(issued)).isTrue();
        assertThat(tokens.create(token("sel0123456789abc")))
                .as("a taken selector")
                .isFalse();
        assertThat(tokens.bySelector("sel0123456789abc")).contains(issued);
        assertThat(tokens.list(new OrganizationFilter.Only(Set.of(UUID.randomUUID()))))
                .isEmpty();
        assertThat(tokens.list(new OrganizationFilter.All())).containsExactly(issued);

        tokens.touch(issued.id(), T0.plusSeconds(10));
        tokens.touch(issued.id(), T0.plusSeconds(20));
        assertThat(tokens.byId(issued.id()).orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(10));
        tokens.touch(issued.id(), T0.plusSeconds(100));
        assertThat(tokens.byId(issued.id()).orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(100));

        assertThat(tokens.revoke(issued.id(), T0.plusSeconds(200))).isTrue();
        assertThat(tokens.revoke(issued.id(), T0.plusSeconds(300))).isFalse();
        assertThat(tokens.byId(issued.id()).orElseThrow().revoked()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void sessionsExpireByIdleAndAbsoluteTimeAndTheAddressIsSealed() {
        JdbcSessionStore sessions = new JdbcSessionStore(db, sealer);
        Session old = new Session("a".repeat(64), user.id(), T0, T0, "203.0.113.9", "Firefox");
        Session idle = new Session("b".repeat(64), user.id(), T0.plusSeconds(3600), T0.plusSeconds(3600), null, null);
        Session live = new Session("c".repeat(64), user.id(), T0.plusSeconds(7000), T0.plusSeconds(7000), null, null);
        sessions.create(old);
        sessions.create(idle);
        sessions.create(live);
        assertThat(sessions.byIdHash(old.idHash())).contains(old);
        byte[] raw = db.jdbi()
                .withHandle(h -> h.createQuery("select source_address from sessions where id_hash = :h")
                        .bind("h", old.idHash())
                        .mapTo(byte[].class)
                        .one());
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("203.0.113.9");
        assertThat(sessions.touch(old.idHash(), T0.plusSeconds(7100))).isTrue();
        int removed = sessions.deleteExpired(T0.plusSeconds(5000), T0.plusSeconds(1000));
        assertThat(removed).as("old by absolute time, idle by idle time").isEqualTo(2);
        assertThat(sessions.byUser(user.id())).containsExactly(live);
        assertThat(sessions.delete(live.idHash())).isTrue();
        assertThat(sessions.delete(live.idHash())).isFalse();
        assertThat(sessions.deleteByUser(user.id())).isZero();
    }
}
