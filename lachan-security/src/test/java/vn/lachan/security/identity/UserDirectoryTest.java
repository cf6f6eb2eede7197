package vn.lachan.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.security.access.FixedOrganizationTree.FINANCE;
import static vn.lachan.security.access.FixedOrganizationTree.HEALTH;
import static vn.lachan.security.access.FixedOrganizationTree.HEALTH_HOSPITAL;
import static vn.lachan.security.access.FixedOrganizationTree.SOC;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.MutableClock;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.FixedOrganizationTree;
import vn.lachan.security.access.Forbidden;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.InMemoryAuditStore;
import vn.lachan.security.audit.TestKeys;
import vn.lachan.security.password.Argon2Settings;
import vn.lachan.security.password.Passwords;
import vn.lachan.security.session.NewSession;
import vn.lachan.security.session.SessionCheck;
import vn.lachan.security.session.SessionSettings;
import vn.lachan.security.session.SessionStore;
import vn.lachan.security.session.Sessions;
import vn.lachan.security.token.ApiTokens;
import vn.lachan.security.token.InMemoryTokenStore;

class UserDirectoryTest {
    static final String PASSWORD = "trời-xanh mây trắng 7";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T07:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final Passwords passwords = new Passwords(new Argon2Settings(1024, 1, 1), new SecureRandom());
    final Sessions sessions = new Sessions(
            sessionStore(),
            clock,
            new SecureRandom(),
            SessionSettings.DEFAULT,
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final AuditTrail audit = new AuditTrail(auditStore, clock, TestKeys.KEY, 1000);
    final AccessPolicy policy = new AccessPolicy(new FixedOrganizationTree());
    final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    final ApiTokens tokens = new ApiTokens(tokenStore, audit, policy, clock, new SecureRandom());
    final UserDirectory directory = new UserDirectory(users, passwords, sessions, tokens, audit, policy, clock);
    final Principal admin = Principal.user(UUID.randomUUID(), "quan.tri", SOC, Set.of(Role.PLATFORM_ADMIN));

    static SessionStore sessionStore() {
        return new vn.lachan.security.session.InMemorySessionStore();
    }

    UserAccount create(@Nullable Principal by, String name, UUID org, Role role) {
        CreateResult r = directory.create(
                by, new NewUser(name, "Trần Thị Bình", "binh@yte.gov.vn", org, Set.of(role), PASSWORD));
        assertThat(r).isInstanceOf(CreateResult.Created.class);
        return ((CreateResult.Created) r).account();
    }

    @Test
    void createsANormalizedAccountWithAHashedPasswordAndAuditsIt() {
        UserAccount a = create(null, "  Binh.Tran ", HEALTH, Role.ORG_SECURITY_OFFICER);
        assertThat(a.username()).isEqualTo("binh.tran");
        String hash = users.credentials(a.id()).orElseThrow().passwordHash();
        assertThat(hash != null && passwords.verify(PASSWORD, hash)).isTrue();
        AuditRecord r = auditStore.all().getLast();
        assertThat(r.action()).isEqualTo("user.create");
        assertThat(r.actor()).isEqualTo("system");
        assertThat(r.details()).containsEntry("roles", "ORG_SECURITY_OFFICER");
        assertThat(r.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void listsEveryProblemOfABadRequestAndCreatesNothing() {
        CreateResult r = directory.create(admin, new NewUser("", " ", "not-an-address", HEALTH, Set.of(), "short"));
        assertThat(r)
                .isInstanceOfSatisfying(
                        CreateResult.Rejected.class,
                        x -> assertThat(x.problems())
                                .extracting(Problem::source)
                                .containsExactly("username", "displayName", "email", "roles", "password"));
        CreateResult huge = directory.create(
                admin, new NewUser("u".repeat(10_000), "X", null, HEALTH, Set.of(Role.AUDITOR), PASSWORD));
        assertThat(huge)
                .isInstanceOfSatisfying(
                        CreateResult.Rejected.class,
                        x -> assertThat(x.problems())
                                .extracting(Problem::message)
                                .containsExactly("the username has 10000 characters; at most 64 are allowed"));
        assertThat(users.list(new vn.lachan.security.access.OrganizationFilter.All()))
                .isEmpty();
        create(admin, "binh.tran", HEALTH, Role.AUDITOR);
        assertThat(directory.create(admin, new NewUser("BINH.TRAN", "X", null, HEALTH, Set.of(Role.AUDITOR), PASSWORD)))
                .isInstanceOfSatisfying(
                        CreateResult.Rejected.class,
                        x -> assertThat(x.problems().getFirst().message())
                                .isEqualTo("the username 'binh.tran' is taken"));
    }

    @Test
    void onlyAdminsManageUsersAndOthersOrganizationsAreNotFound() {
        UserAccount target = create(null, "binh.tran", HEALTH_HOSPITAL, Role.ORG_LEADER);
        Principal officer = Principal.user(UUID.randomUUID(), "can.bo", HEALTH, Set.of(Role.ORG_SECURITY_OFFICER));
        assertThatThrownBy(() -> directory.update(officer, target.id(), UserChange.roles(Set.of(Role.PLATFORM_ADMIN))))
                .isInstanceOf(Forbidden.class);
        Principal financeAdmin = Principal.user(UUID.randomUUID(), "tc", FINANCE, Set.of(Role.PLATFORM_ADMIN));
        assertThatThrownBy(() -> directory.update(financeAdmin, target.id(), UserChange.roles(Set.of(Role.AUDITOR))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> directory.update(admin, UUID.randomUUID(), UserChange.roles(Set.of(Role.AUDITOR))))
                .isInstanceOf(NotFound.class);
        assertThat(directory.update(admin, target.id(), UserChange.roles(Set.of(Role.AUDITOR))))
                .isInstanceOf(UpdateResult.Updated.class);
        assertThat(users.byId(target.id()).orElseThrow().roles()).containsExactly(Role.AUDITOR);
        assertThat(auditStore.all().getLast().details())
                .containsEntry("before.roles", "ORG_LEADER")
                .containsEntry("after.roles", "AUDITOR");
    }

    @Test
    void passwordAndSecondFactorResetsAndDisablingEndSessions() {
        UserAccount a = create(null, "binh.tran", HEALTH, Role.SOC_ANALYST);
        NewSession s1 = sessions.begin(a.id(), null, null, null);
        assertThat(directory.setPassword(admin, a.id(), "binh.tran")).isNotEmpty();
        assertThat(sessions.check(s1.id())).isInstanceOf(SessionCheck.Valid.class);
        assertThat(directory.setPassword(admin, a.id(), "một mật khẩu mới 2026"))
                .isEmpty();
        assertThat(sessions.check(s1.id())).isInstanceOf(SessionCheck.Refused.class);

        users.setTotpSecret(a.id(), new byte[20]);
        NewSession s2 = sessions.begin(a.id(), null, null, null);
        directory.resetSecondFactor(admin, a.id());
        assertThat(users.credentials(a.id()).orElseThrow().totpSecret()).isNull();
        assertThat(sessions.check(s2.id())).isInstanceOf(SessionCheck.Refused.class);

        NewSession s3 = sessions.begin(a.id(), null, null, null);
        directory.update(admin, a.id(), UserChange.status(UserStatus.DISABLED));
        assertThat(sessions.check(s3.id())).isInstanceOf(SessionCheck.Refused.class);
        assertThat(auditStore.all())
                .extracting(AuditRecord::action)
                .containsSubsequence("user.password", "user.mfa.reset", "user.update");
    }

    @Test
    void listsOnlyUsersTheActorMaySee() {
        create(null, "y.te", HEALTH, Role.ORG_LEADER);
        create(null, "benh.vien", HEALTH_HOSPITAL, Role.ORG_LEADER);
        create(null, "tai.chinh", FINANCE, Role.ORG_LEADER);
        Principal auditor = Principal.user(UUID.randomUUID(), "kiem.toan", HEALTH, Set.of(Role.AUDITOR));
        assertThat(directory.list(auditor)).extracting(UserAccount::username).containsExactly("benh.vien", "y.te");
        assertThat(directory.list(admin)).hasSize(3);
        Principal leader = Principal.user(UUID.randomUUID(), "ld", HEALTH, Set.of(Role.ORG_LEADER));
        assertThatThrownBy(() -> directory.list(leader)).isInstanceOf(Forbidden.class);
        assertThat(List.of(UserDirectory.checkUsername("ab"), UserDirectory.checkUsername("an nguyen")))
                .allSatisfy(p -> assertThat(p).hasSize(1));
    }
}
