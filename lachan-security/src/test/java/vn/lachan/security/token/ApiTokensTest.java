package vn.lachan.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lachan.security.MutableClock;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.FixedOrganizationTree;
import vn.lachan.security.access.Forbidden;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.InMemoryAuditStore;
import vn.lachan.security.audit.Outcome;

class ApiTokensTest {
    static final UUID HEALTH = UUID.fromString("00000000-0000-0000-0000-000000000003");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final AuditTrail audit = new AuditTrail(auditStore, clock, vn.lachan.security.audit.TestKeys.KEY, 100);
    final AccessPolicy policy = new AccessPolicy(new FixedOrganizationTree());
    final ApiTokens tokens = new ApiTokens(store, audit, policy, clock, new SecureRandom());

    IssuedToken ingest(@org.jspecify.annotations.Nullable Instant expires) {
        return tokens.issue(
                "syslog relay sở Y tế", Role.ORG_SECURITY_OFFICER, HEALTH, Set.of(Scope.INGEST), expires, null);
    }

    TokenCheck.Reason refusal(String presented) {
        TokenCheck check = tokens.verify(presented, "10.1.2.3");
        assertThat(check).isInstanceOf(TokenCheck.Refused.class);
        return ((TokenCheck.Refused) check).reason();
    }

    @Test
    void issuesAPrefixedTokenStoredOnlyAsAHash() {
        IssuedToken issued = ingest(clock.instant().plus(Duration.ofDays(90)));
        assertThat(issued.secret()).matches("lcn_[a-z2-7]{52}");
        ApiToken stored = store.byId(issued.token().id()).orElseThrow();
        assertThat(stored.secretHash())
                .isEqualTo(ApiTokens.sha256(issued.secret()))
                .doesNotContain(issued.secret());
        assertThat(issued.secret()).contains(stored.selector());
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(auditStore.all()).extracting(AuditRecord::action).containsExactly("token.issue");
    }

    @Test
    void aGoodTokenYieldsAScopedPrincipalAndRecordsItsUse() {
        IssuedToken issued = ingest(clock.instant().plus(Duration.ofDays(90)));
        clock.advance(Duration.ofMinutes(5));
        TokenCheck check = tokens.verify(issued.secret(), "10.1.2.3");
        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, v -> {
            Principal p = v.principal();
            assertThat(p.kind()).isEqualTo(Principal.Kind.TOKEN);
            assertThat(p.organization()).isEqualTo(HEALTH);
            assertThat(p.permissions()).containsExactly(Permission.EVENTS_INGEST);
        });
        assertThat(store.byId(issued.token().id()).orElseThrow().lastUsed()).isEqualTo(clock.instant());
    }

    @Test
    void tamperedExpiredRevokedMalformedAndUnknownTokensGetDistinctReasons() {
        IssuedToken issued = ingest(clock.instant().plus(Duration.ofDays(1)));
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(refusal(tampered)).isEqualTo(TokenCheck.Reason.TAMPERED);
        assertThat(refusal("lcn_" + "a".repeat(52))).isEqualTo(TokenCheck.Reason.UNKNOWN);
        assertThat(refusal("")).isEqualTo(TokenCheck.Reason.MALFORMED);
        assertThat(refusal(secret.toUpperCase(java.util.Locale.ROOT))).isEqualTo(TokenCheck.Reason.MALFORMED);
        assertThat(refusal(secret + "x".repeat(10_000))).isEqualTo(TokenCheck.Reason.MALFORMED);
        clock.advance(Duration.ofDays(1));
        assertThat(refusal(secret)).isEqualTo(TokenCheck.Reason.EXPIRED);
        IssuedToken second = ingest(null);
        assertThat(tokens.revoke(
                                Principal.user(UUID.randomUUID(), "admin", HEALTH, Set.of(Role.PLATFORM_ADMIN)),
                                second.token().id())
                        .orElseThrow()
                        .revoked())
                .isEqualTo(clock.instant());
        assertThat(tokens.revokedHere(second.token().id())).isTrue();
        assertThat(refusal(second.secret())).isEqualTo(TokenCheck.Reason.REVOKED);
        assertThat(auditStore.all())
                .filteredOn(r -> r.action().equals("token.refused"))
                .extracting(r -> r.details().get("reason"))
                .containsExactly("TAMPERED", "UNKNOWN", "MALFORMED", "MALFORMED", "MALFORMED", "EXPIRED", "REVOKED");
        assertThat(auditStore.all())
                .filteredOn(r -> r.action().equals("token.refused"))
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.DENIED);
                    assertThat(r.actor()).doesNotContain(secret.substring(20));
                });
    }

    @Test
    void issuingForSomeoneNeedsAnExpiryWithinAYearScopesWithinTheRoleAndNoRoleAboveTheIssuers() {
        Principal officer = Principal.user(UUID.randomUUID(), "can.bo", HEALTH, Set.of(Role.ORG_SECURITY_OFFICER));
        Instant month = clock.instant().plus(Duration.ofDays(30));
        TokenRequest good = new TokenRequest("relay", Role.ORG_SECURITY_OFFICER, HEALTH, Set.of(Scope.INGEST), month);
        assertThat(tokens.issue(officer, good)).isInstanceOf(IssueResult.Issued.class);

        TokenRequest bad = new TokenRequest(
                "relay",
                Role.ORG_SECURITY_OFFICER,
                FixedOrganizationTree.FINANCE,
                Set.of(Scope.AUDIT_READ),
                clock.instant().plus(Duration.ofDays(400)));
        assertThat(tokens.issue(officer, bad))
                .isInstanceOfSatisfying(
                        IssueResult.Rejected.class,
                        r -> assertThat(r.problems())
                                .extracting(p -> p.source())
                                .containsExactlyInAnyOrder("organization", "expires", "scopes"));
        TokenRequest forever = new TokenRequest("relay", Role.ORG_SECURITY_OFFICER, HEALTH, Set.of(Scope.INGEST), null);
        assertThat(tokens.issue(null, forever))
                .as("the command line follows the same rules")
                .isInstanceOf(IssueResult.Rejected.class);
        TokenRequest admin = new TokenRequest("x", Role.PLATFORM_ADMIN, HEALTH, Set.of(Scope.INGEST), month);
        assertThatThrownBy(() -> tokens.issue(officer, admin)).isInstanceOf(Forbidden.class);
        Principal other =
                Principal.user(UUID.randomUUID(), "tc", FixedOrganizationTree.FINANCE, Set.of(Role.PLATFORM_ADMIN));
        UUID id = ((IssueResult.Issued) tokens.issue(officer, good))
                .issued()
                .token()
                .id();
        assertThat(tokens.revoke(other, id))
                .as("another organization's token is not found")
                .isEmpty();
        assertThat(store.byId(id).orElseThrow().revoked()).isNull();
        assertThat(tokens.list(officer, new TokenQuery(null, ApiToken.Status.ACTIVE, null, 10))
                        .items())
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.organization()).isEqualTo(HEALTH));
    }

    @Test
    void refusesABadRequestWithReasons() {
        assertThat(tokens.check(" ", Set.of(), clock.instant().minusSeconds(1))).hasSize(3);
        assertThatThrownBy(() -> tokens.issue("", Role.AUDITOR, HEALTH, Set.of(Scope.AUDIT_READ), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }
}
