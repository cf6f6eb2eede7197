package vn.lachan.meta.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
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
import vn.lachan.meta.org.JdbcOrganizations;
import vn.lachan.meta.testing.Backend;
import vn.lachan.meta.testing.TestSealer;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;
import vn.lachan.security.crypto.SealException;
import vn.lachan.security.identity.Credentials;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.identity.UserStatus;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbcUserStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private final Backend backend;

    @TempDir
    Path data;

    private MetaDatabase db;
    private JdbcUserStore users;
    private Organization org;
    private Organization other;

    JdbcUserStoreTest(Backend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void open() {
        db = MetaDatabase.open(backend.freshDatabase(data));
        TestSealer sealer = new TestSealer();
        JdbcOrganizations orgs = new JdbcOrganizations(db, sealer, Clock.systemUTC());
        org = orgs.create(Organization.create("SO-YT", "Sở Y tế", null, OrganizationKind.DEPARTMENT, null))
                .orElseThrow();
        other = orgs.create(Organization.create("SO-GD", "Sở Giáo dục", null, OrganizationKind.DEPARTMENT, null))
                .orElseThrow();
        users = new JdbcUserStore(db, sealer);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private UserAccount account(String typed, String name, Organization home, Role... roles) {
        return new UserAccount(
                UUID.randomUUID(),
                UserDirectory.normalizeUsername(typed),
                name,
                "an@example.gov.vn",
                home.id(),
                roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                UserStatus.ACTIVE,
                T0,
                T0);
    }

    @Test
    void usernamesAreUniqueWhateverTheCaseTheyWereTypedIn() {
        UserAccount an = account("Nguyen.An", "Nguyễn Văn An", org, Role.SOC_ANALYST, Role.AUDITOR);
        assertThat(users.create(an)).isTrue();
        assertThat(users.create(account("NGUYEN.AN", "Người khác", other))).isFalse();
        assertThat(users.byUsername("nguyen.an")).contains(an);
        assertThat(users.list(new OrganizationFilter.All())).containsExactly(an);
        assertThatThrownBy(() -> db.jdbi()
                        .useHandle(h -> h.execute(
                                "insert into users (id, username, display_name, organization_id, status, created_at,"
                                        + " updated_at) values (?, 'Nguyen.An', ?, ?, 'ACTIVE', ?, ?)",
                                UUID.randomUUID(),
                                new byte[] {1},
                                org.id(),
                                T0.atOffset(java.time.ZoneOffset.UTC),
                                T0.atOffset(java.time.ZoneOffset.UTC))))
                .as("the database itself refuses a username not in lower case")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("users_username_lower"));
    }

    @Test
    void listingFollowsTheOrganizationFilterAndRolesAreReplaced() {
        UserAccount a = account("a.user", "Trần A", org, Role.ORG_SECURITY_OFFICER);
        UserAccount b = account("b.user", "Lê B", other, Role.ORG_LEADER);
        users.create(a);
        users.create(b);
        assertThat(users.list(new OrganizationFilter.Only(Set.of(other.id())))).containsExactly(b);
        assertThat(users.list(new OrganizationFilter.Only(Set.of()))).isEmpty();
        Instant later = T0.plusSeconds(60);
        assertThat(users.updateRoles(a.id(), Set.of(Role.SOC_LEAD, Role.AUDITOR), later))
                .isTrue();
        assertThat(users.updateStatus(b.id(), UserStatus.DISABLED, later)).isTrue();
        assertThat(users.byId(a.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.SOC_LEAD, Role.AUDITOR);
        assertThat(users.byId(a.id()).orElseThrow().updated()).isEqualTo(later);
        assertThat(users.byId(b.id()).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(users.updateRoles(UUID.randomUUID(), Set.of(), later)).isFalse();
    }

    @Test
    void anUpdateReplacesProfileOrganizationRolesAndStatusInOneGo() {
        UserAccount a = account("c.user", "Trần C", org, Role.ORG_LEADER);
        users.create(a);
        Instant later = T0.plusSeconds(120);
        UserAccount changed = new UserAccount(
                a.id(),
                a.username(),
                "Phạm Thị Cúc",
                null,
                other.id(),
                Set.of(Role.AUDITOR),
                UserStatus.DISABLED,
                T0,
                later);
        assertThat(users.update(changed)).isTrue();
        assertThat(users.byId(a.id())).contains(changed);
        assertThat(users.update(account("nobody", "X", org)))
                .as("an unknown id")
                .isFalse();
    }

    @Test
    void credentialsCountFailuresRefuseReplayedStepsAndUseRecoveryCodesOnce() {
        UserAccount a = account("admin", "Quản trị", org, Role.PLATFORM_ADMIN);
        users.create(a);
        assertThat(users.credentials(a.id())).contains(Credentials.none());
        assertThat(users.setPasswordHash(a.id(), "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", T0))
                .isTrue();
        byte[] secret = HexFormat.of().parseHex("3132333435363738393031323334353637383930");
        users.setTotpSecret(a.id(), secret);
        assertThat(users.acceptTotpStep(a.id(), 100)).isTrue();
        assertThat(users.acceptTotpStep(a.id(), 100)).as("a replayed step").isFalse();
        assertThat(users.acceptTotpStep(a.id(), 99)).isFalse();
        assertThat(users.addFailedAttempt(a.id())).isEqualTo(1);
        assertThat(users.addFailedAttempt(a.id())).isEqualTo(2);
        assertThat(users.addFailedAttempt(UUID.randomUUID())).isZero();
        users.setLockedUntil(a.id(), T0.plusSeconds(900));
        Credentials c = users.credentials(a.id()).orElseThrow();
        assertThat(c.totpSecret()).isEqualTo(secret);
        assertThat(c.lastTotpStep()).isEqualTo(100);
        assertThat(c.failedAttempts()).isEqualTo(2);
        assertThat(c.lockedUntil()).isEqualTo(T0.plusSeconds(900));
        assertThat(c.passwordChanged()).isEqualTo(T0);
        users.clearFailedAttempts(a.id());
        assertThat(users.credentials(a.id()).orElseThrow().lockedUntil()).isNull();

        users.replaceRecoveryCodes(a.id(), Set.of("a".repeat(64), "b".repeat(64)));
        assertThat(users.consumeRecoveryCode(a.id(), "a".repeat(64))).isTrue();
        assertThat(users.consumeRecoveryCode(a.id(), "a".repeat(64))).isFalse();
        assertThat(users.recoveryCodesLeft(a.id())).isEqualTo(1);
        users.setTotpSecret(a.id(), null);
        assertThat(users.recoveryCodesLeft(a.id())).isZero();
        assertThat(users.credentials(a.id()).orElseThrow().totpSecret()).isNull();
    }

    @Test
    void emailDisplayNameAndTotpSecretAreSealedAndBoundToTheirRow() {
        UserAccount a = account("a.user", "Nguyễn Văn An", org);
        UserAccount b = account("b.user", "Lê Thị Bé", org);
        users.create(a);
        users.create(b);
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        users.setTotpSecret(a.id(), secret);
        byte[] raw = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select u.display_name || u.email || c.totp_secret from users u join credentials c"
                                        + " on c.user_id = u.id where u.id = :id")
                        .bind("id", a.id())
                        .mapTo(byte[].class)
                        .one());
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(rawText)
                .doesNotContain("example.gov.vn")
                .doesNotContain("1234567890")
                .doesNotContain("Nguy");

        db.jdbi()
                .useHandle(h -> h.execute(
                        "update users set email = (select email from users where id = ?) where id = ?",
                        a.id(),
                        b.id()));
        assertThatThrownBy(() -> users.byId(b.id()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("users.email:" + b.id());
        db.jdbi()
                .useHandle(h -> h.execute(
                        "update credentials set totp_secret = (select display_name from users"
                                + " where id = ?) where user_id = ?",
                        a.id(),
                        a.id()));
        assertThatThrownBy(() -> users.credentials(a.id())).isInstanceOf(SealException.class);
    }
}
