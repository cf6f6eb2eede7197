package vn.lachan.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.security.access.FixedOrganizationTree.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessPolicyTest {
    /**
     * The brief's matrix, written out by hand: columns are ADMIN, LEAD, ANALYST, OFFICER, LEADER, AUDITOR. The
     * officer manages its own subtree's users, tokens, units and contacts (issue 5, session 4), never above its
     * own role.
     */
    static final String MATRIX = """
            EVENTS_READ          Y Y Y Y . Y
            EVENTS_INGEST        Y Y Y Y . .
            EVENTS_EXPORT        Y Y . . . .
            ALERTS_READ          Y Y Y Y . Y
            ALERTS_WORK          Y Y Y Y . .
            CASES_READ           Y Y Y Y . Y
            CASES_WORK           Y Y Y Y . .
            ASSIGNMENTS_MANAGE   Y Y . . . .
            RULES_READ           Y Y Y . . Y
            RULES_MANAGE         Y Y . . . .
            DASHBOARDS_READ      Y Y Y Y Y Y
            REPORTS_READ         Y Y Y Y Y Y
            AUDIT_READ           Y . . . . Y
            ORGANIZATIONS_READ   Y Y Y Y Y Y
            ORGANIZATIONS_MANAGE Y . . Y . .
            USERS_READ           Y Y . Y . Y
            USERS_MANAGE         Y . . Y . .
            TOKENS_MANAGE        Y . . Y . .
            METRICS_READ         Y Y . . . .
            PLATFORM_MANAGE      Y . . . . .
            """;

    static final Role[] COLUMNS = {
        Role.PLATFORM_ADMIN, Role.SOC_LEAD, Role.SOC_ANALYST, Role.ORG_SECURITY_OFFICER, Role.ORG_LEADER, Role.AUDITOR
    };

    final FixedOrganizationTree tree = new FixedOrganizationTree();
    final AccessPolicy policy = new AccessPolicy(tree);

    static Map<Permission, Map<Role, Boolean>> matrix() {
        Map<Permission, Map<Role, Boolean>> result = new HashMap<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Map<Role, Boolean> row = new HashMap<>();
            for (int i = 0; i < COLUMNS.length; i++) {
                row.put(COLUMNS[i], cells[i + 1].equals("Y"));
            }
            result.put(Permission.valueOf(cells[0]), row);
        }
        return result;
    }

    static List<Arguments> everyRoleAndPermission() {
        List<Arguments> cases = new ArrayList<>();
        Map<Permission, Map<Role, Boolean>> matrix = matrix();
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                cases.add(Arguments.of(
                        role,
                        permission,
                        Boolean.TRUE.equals(
                                matrix.getOrDefault(permission, Map.of()).get(role))));
            }
        }
        return cases;
    }

    @Test
    void theMatrixHasARowForEveryPermission() {
        assertThat(matrix().keySet()).containsExactlyInAnyOrder(Permission.values());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("everyRoleAndPermission")
    void eachRoleHoldsExactlyItsPermissionsInItsOwnOrganization(Role role, Permission permission, boolean granted) {
        Principal user = Principal.user(UUID.randomUUID(), "u", HEALTH, Set.of(role));
        assertThat(policy.allows(user, permission)).isEqualTo(granted);
        if (granted) {
            assertThatCode(() -> policy.require(user, permission, HEALTH_HOSPITAL))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> policy.require(user, permission, HEALTH_HOSPITAL))
                    .isInstanceOf(Forbidden.class)
                    .hasMessageContaining(permission.name());
        }
        assertThatThrownBy(() -> policy.require(user, permission, FINANCE))
                .as("another organization's resource is not found, whatever the permission")
                .isInstanceOf(NotFound.class)
                .hasMessage("not found");
    }

    @Test
    void theMonitoringCenterSeesEveryOrganization() {
        Principal analyst = Principal.user(UUID.randomUUID(), "soc", SOC, Set.of(Role.SOC_ANALYST));
        assertThat(policy.visibleOrganizations(analyst)).isInstanceOf(OrganizationFilter.All.class);
        assertThatCode(() -> policy.require(analyst, Permission.ALERTS_WORK, FINANCE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.require(analyst, Permission.USERS_MANAGE, FINANCE))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void othersSeeTheirSubtreeOnly() {
        Principal officer = Principal.user(UUID.randomUUID(), "yte", HEALTH, Set.of(Role.ORG_SECURITY_OFFICER));
        assertThat(policy.visibleOrganizations(officer))
                .isEqualTo(new OrganizationFilter.Only(Set.of(HEALTH, HEALTH_HOSPITAL)));
        Principal hospital = Principal.user(UUID.randomUUID(), "bv", HEALTH_HOSPITAL, Set.of(Role.ORG_LEADER));
        assertThat(policy.canSee(hospital, HEALTH)).isFalse();
        Principal province = Principal.user(UUID.randomUUID(), "ubnd", PROVINCE, Set.of(Role.ORG_LEADER));
        assertThat(policy.canSee(province, HEALTH_HOSPITAL)).isTrue();
    }

    @Test
    void aPrincipalOfAnUnknownOrganizationSeesNothing() {
        Principal stray = Principal.user(UUID.randomUUID(), "x", UUID.randomUUID(), Set.of(Role.PLATFORM_ADMIN));
        assertThat(policy.visibleOrganizations(stray)).isEqualTo(new OrganizationFilter.Only(Set.of()));
        assertThatThrownBy(() -> policy.require(stray, Permission.EVENTS_READ, HEALTH))
                .isInstanceOf(NotFound.class);
        assertThatCode(() -> policy.require(stray, Permission.RULES_READ, null)).doesNotThrowAnyException();
    }

    @Test
    void aTokenHasItsRolesPermissionsNarrowedByItsScopes() {
        Principal ingest =
                Principal.token(UUID.randomUUID(), "relay", HEALTH, Role.ORG_SECURITY_OFFICER, Set.of(Scope.INGEST));
        assertThat(ingest.permissions()).containsExactly(Permission.EVENTS_INGEST);
        assertThatThrownBy(() -> policy.require(ingest, Permission.EVENTS_READ, HEALTH))
                .isInstanceOf(Forbidden.class);
        Principal admin = Principal.token(UUID.randomUUID(), "siem", SOC, Role.AUDITOR, Set.of(Scope.ADMIN));
        assertThat(admin.permissions()).isEqualTo(Role.AUDITOR.permissions());
        Principal reader = Principal.token(UUID.randomUUID(), "r", SOC, Role.ORG_LEADER, Set.of(Scope.EVENTS_READ));
        assertThat(reader.permissions()).isEmpty();
        for (Permission p : Permission.values()) {
            assertThat(policy.allows(reader, p)).isFalse();
            assertThat(policy.allows(ingest, p)).isEqualTo(ingest.permissions().contains(p));
        }
    }

    @Test
    void aMetricsTokenScrapesMetricsAndNothingElseAndOnlyARoleHoldingItMayCarryIt() {
        Principal prometheus =
                Principal.token(UUID.randomUUID(), "prometheus", SOC, Role.SOC_LEAD, Set.of(Scope.METRICS_READ));
        assertThat(prometheus.permissions()).containsExactly(Permission.METRICS_READ);
        assertThat(Scope.fromWireName("metrics:read")).contains(Scope.METRICS_READ);
        Principal analyst =
                Principal.token(UUID.randomUUID(), "analyst", SOC, Role.SOC_ANALYST, Set.of(Scope.METRICS_READ));
        assertThat(analyst.permissions()).isEmpty();
        assertThatThrownBy(() -> policy.require(analyst, Permission.METRICS_READ, null))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> policy.require(prometheus, Permission.EVENTS_READ, null))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void scopesReadTheirWireNames() {
        assertThat(Scope.fromWireName(" Events:Read ")).contains(Scope.EVENTS_READ);
        assertThat(Scope.fromWireName("events:write")).isEmpty();
        assertThat(EnumSet.allOf(Scope.class))
                .allSatisfy(s -> assertThat(Scope.fromWireName(s.wireName())).contains(s));
    }

    @Test
    void aUserCannotCarryScopesNorATokenSeveralRoles() {
        assertThatThrownBy(() -> new Principal(
                        Principal.Kind.USER, UUID.randomUUID(), "u", HEALTH, Set.of(), Set.of(Scope.ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Principal(
                        Principal.Kind.TOKEN,
                        UUID.randomUUID(),
                        "t",
                        HEALTH,
                        Set.of(Role.AUDITOR, Role.SOC_LEAD),
                        Set.of(Scope.ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondFactorIsRequiredForAdminAndSocRolesOnly() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(Role::requiresSecondFactor))
                .containsExactlyInAnyOrder(Role.PLATFORM_ADMIN, Role.SOC_LEAD, Role.SOC_ANALYST);
    }
}
