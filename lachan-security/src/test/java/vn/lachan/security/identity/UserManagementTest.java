package vn.lachan.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.security.access.FixedOrganizationTree.FINANCE;
import static vn.lachan.security.access.FixedOrganizationTree.HEALTH;
import static vn.lachan.security.access.FixedOrganizationTree.HEALTH_HOSPITAL;
import static vn.lachan.security.access.FixedOrganizationTree.SOC;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lachan.security.MutableClock;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.FixedOrganizationTree;
import vn.lachan.security.access.Forbidden;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.InMemoryAuditStore;
import vn.lachan.security.audit.TestKeys;
import vn.lachan.security.password.Argon2Settings;
import vn.lachan.security.password.Passwords;
import vn.lachan.security.session.InMemorySessionStore;
import vn.lachan.security.session.NewSession;
import vn.lachan.security.session.SessionCheck;
import vn.lachan.security.session.SessionSettings;
import vn.lachan.security.session.Sessions;
import vn.lachan.security.token.ApiTokens;
import vn.lachan.security.token.InMemoryTokenStore;
import vn.lachan.security.token.IssueResult;
import vn.lachan.security.token.TokenCheck;
import vn.lachan.security.token.TokenRequest;

/**
 * The rules of managing accounts that the HTTP API and the command line share: role ceilings, subtrees, the
 * last platform administrator, disabling, paging and what the audit trail keeps.
 */
class UserManagementTest {
    static final String PASSWORD = "trời-xanh mây trắng 7";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T07:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final AuditTrail audit = new AuditTrail(auditStore, clock, TestKeys.KEY, 1000);
    final AccessPolicy policy = new AccessPolicy(new FixedOrganizationTree());
    final Sessions sessions = new Sessions(
            new InMemorySessionStore(),
            clock,
            new SecureRandom(),
            SessionSettings.DEFAULT,
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final ApiTokens tokens = new ApiTokens(new InMemoryTokenStore(), audit, policy, clock, new SecureRandom());
    final UserDirectory directory = new UserDirectory(
            users,
            new Passwords(new Argon2Settings(1024, 1, 1), new SecureRandom()),
            sessions,
            tokens,
            audit,
            policy,
            clock);

    UserAccount create(String name, UUID org, Role role) {
        CreateResult r =
                directory.create(null, new NewUser(name, "Nguyễn Văn " + name, null, org, Set.of(role), PASSWORD));
        return ((CreateResult.Created) r).account();
    }

    static Principal as(UserAccount account) {
        return Principal.user(account.id(), account.username(), account.organization(), account.roles());
    }

    @Test
    void anOfficerManagesItsSubtreeButGrantsNothingAboveItsOwnRole() {
        Principal officer = as(create("can.bo", HEALTH, Role.ORG_SECURITY_OFFICER));
        NewUser leader = new NewUser("lanh.dao", "Lãnh đạo", null, HEALTH_HOSPITAL, Set.of(Role.ORG_LEADER), PASSWORD);
        assertThat(directory.create(officer, leader)).isInstanceOf(CreateResult.Created.class);

        for (Role above : List.of(Role.PLATFORM_ADMIN, Role.SOC_LEAD, Role.SOC_ANALYST, Role.AUDITOR)) {
            NewUser request = new NewUser(
                    "x." + above.name().toLowerCase(java.util.Locale.ROOT), "X", null, HEALTH, Set.of(above), PASSWORD);
            assertThatThrownBy(() -> directory.create(officer, request))
                    .as(above.name())
                    .isInstanceOf(Forbidden.class)
                    .hasMessageContaining("the role " + above);
        }
        NewUser elsewhere = new NewUser("tai.chinh", "TC", null, FINANCE, Set.of(Role.ORG_LEADER), PASSWORD);
        assertThat(directory.create(officer, elsewhere))
                .isInstanceOfSatisfying(
                        CreateResult.Rejected.class,
                        r -> assertThat(r.problems())
                                .extracting(p -> p.source())
                                .containsExactly("organization"));
        UserAccount admin = create("quan.tri.yt", HEALTH, Role.PLATFORM_ADMIN);
        assertThatThrownBy(() -> directory.update(officer, admin.id(), UserChange.status(UserStatus.DISABLED)))
                .as("an account holding a role above the actor's is not the actor's to change")
                .isInstanceOf(Forbidden.class);
        UserAccount mine = create("nhan.vien", HEALTH, Role.ORG_LEADER);
        assertThat(directory.update(officer, mine.id(), new UserChange(null, null, FINANCE, null, null)))
                .as("moving a user out of the subtree")
                .isInstanceOf(UpdateResult.Rejected.class);
        assertThat(users.byId(mine.id()).orElseThrow().organization()).isEqualTo(HEALTH);
    }

    @Test
    void theLastActivePlatformAdministratorIsNeitherDisabledNorDemoted() {
        UserAccount first = create("admin.one", SOC, Role.PLATFORM_ADMIN);
        Principal actor = Principal.user(UUID.randomUUID(), "cli-like", SOC, Set.of(Role.PLATFORM_ADMIN));
        assertThat(directory.update(actor, first.id(), UserChange.status(UserStatus.DISABLED)))
                .isInstanceOfSatisfying(
                        UpdateResult.Conflict.class,
                        c -> assertThat(c.problem().message()).contains("last active platform administrator"));
        assertThat(directory.update(actor, first.id(), UserChange.roles(Set.of(Role.SOC_LEAD))))
                .isInstanceOfSatisfying(
                        UpdateResult.Conflict.class,
                        c -> assertThat(c.problem().source()).isEqualTo("roles"));
        assertThat(users.byId(first.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);

        UserAccount second = create("admin.two", SOC, Role.PLATFORM_ADMIN);
        assertThat(directory.update(as(second), second.id(), UserChange.status(UserStatus.DISABLED)))
                .as("nobody disables their own account")
                .isInstanceOf(UpdateResult.Conflict.class);
        assertThat(directory.update(as(second), first.id(), UserChange.status(UserStatus.DISABLED)))
                .isInstanceOf(UpdateResult.Updated.class);
        assertThat(directory.update(actor, second.id(), UserChange.roles(Set.of(Role.AUDITOR))))
                .as("first is disabled now, so second is the last")
                .isInstanceOf(UpdateResult.Conflict.class);
    }

    @Test
    void disablingEndsSessionsRevokesIssuedTokensAndAuditsBeforeAndAfterWithoutPersonalData() {
        UserAccount officer = create("can.bo", HEALTH, Role.ORG_SECURITY_OFFICER);
        Principal officerPrincipal = as(officer);
        IssueResult issued = tokens.issue(
                officerPrincipal,
                new TokenRequest(
                        "relay",
                        Role.ORG_SECURITY_OFFICER,
                        HEALTH,
                        Set.of(Scope.INGEST),
                        clock.instant().plus(Duration.ofDays(30))));
        String secret = ((IssueResult.Issued) issued).issued().secret();
        NewSession session = sessions.begin(officer.id(), null, null, null);
        Principal admin = Principal.user(UUID.randomUUID(), "quan.tri", SOC, Set.of(Role.PLATFORM_ADMIN));

        UpdateResult result = directory.update(
                admin,
                officer.id(),
                new UserChange("Nguyễn Thị Hoa", "hoa@yte.gov.vn", null, null, UserStatus.DISABLED));

        assertThat(result).isInstanceOf(UpdateResult.Updated.class);
        assertThat(sessions.check(session.id())).isInstanceOf(SessionCheck.Refused.class);
        assertThat(tokens.verify(secret, null)).isInstanceOf(TokenCheck.Refused.class);
        AuditRecord update = auditStore.all().stream()
                .filter(r -> r.action().equals("user.update"))
                .findFirst()
                .orElseThrow();
        assertThat(update.details())
                .containsEntry("before.status", "ACTIVE")
                .containsEntry("after.status", "DISABLED")
                .containsEntry("displayName", "changed")
                .containsEntry("email", "added")
                .containsEntry("sessionsEnded", "1")
                .containsEntry("tokensRevoked", "1");
        assertThat(update.details().values().toString()).doesNotContain("Hoa", "hoa@");
        assertThat(update.actor()).isEqualTo("user:quan.tri");
    }

    @Test
    void pagesFilterByOrganizationRoleStatusAndTextIgnoringDiacritics() {
        for (int i = 0; i < 7; i++) {
            create("user" + i, i % 2 == 0 ? HEALTH : FINANCE, i < 4 ? Role.ORG_LEADER : Role.AUDITOR);
        }
        directory.create(
                null, new NewUser("hoa.tran", "Trần Thị Hoà", null, HEALTH, Set.of(Role.ORG_LEADER), PASSWORD));
        Principal admin = Principal.user(UUID.randomUUID(), "quan.tri", SOC, Set.of(Role.PLATFORM_ADMIN));

        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            UserPage page = directory.page(admin, new UserQuery(null, null, null, null, cursor, 3));
            page.items().forEach(a -> all.add(a.username()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).hasSize(8).isSorted().doesNotHaveDuplicates();
        assertThat(directory
                        .page(admin, new UserQuery(HEALTH, Role.ORG_LEADER, UserStatus.ACTIVE, null, null, 100))
                        .items())
                .extracting(UserAccount::username)
                .containsExactly("hoa.tran", "user0", "user2");
        assertThat(directory
                        .page(admin, new UserQuery(null, null, null, "TRAN THI HOA", null, 100))
                        .items())
                .extracting(UserAccount::username)
                .containsExactly("hoa.tran");
        Principal healthAuditor = Principal.user(UUID.randomUUID(), "kt", HEALTH, Set.of(Role.AUDITOR));
        assertThat(directory
                        .page(healthAuditor, new UserQuery(FINANCE, null, null, null, null, 100))
                        .items())
                .as("another organization's users are not there to filter")
                .isEmpty();
        assertThatThrownBy(() -> directory.find(
                        Principal.user(UUID.randomUUID(), "ld", HEALTH, Set.of(Role.ORG_LEADER)), UUID.randomUUID()))
                .isInstanceOf(Forbidden.class);
        assertThat(directory.find(
                        healthAuditor, users.byUsername("user1").orElseThrow().id()))
                .as("user1 is of FINANCE")
                .isEmpty();
        assertThat(directory.find(
                        healthAuditor, users.byUsername("user0").orElseThrow().id()))
                .isPresent();
        assertThatThrownBy(
                        () -> directory.update(healthAuditor, UUID.randomUUID(), UserChange.status(UserStatus.ACTIVE)))
                .isInstanceOf(NotFound.class);
    }
}
