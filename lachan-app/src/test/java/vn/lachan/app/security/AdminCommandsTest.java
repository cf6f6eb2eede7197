package vn.lachan.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.security.access.Role;
import vn.lachan.security.passkey.Passkey;
import vn.lachan.security.token.TokenCheck;

/** Runs the admin and audit commands on a fresh data folder, then checks what they left with the real services. */
class AdminCommandsTest {
    @TempDir
    Path data;

    @Test
    void aTokenIssuedOnAFreshFolderIsItsLastLineAndVerifiesWithItsRole() {
        Cli.Run run = Cli.withInput("", "admin", "create-token", "--data", data.toString(), "--role", "PLATFORM_ADMIN");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("created the monitoring center organization SOC")
                .contains("shown once");
        String token = run.lastLine();
        assertThat(token).startsWith("lcn_");
        try (Foundation foundation = Foundation.open(data, null, System.getenv())) {
            TokenCheck check = foundation.tokens().verify(token, "127.0.0.1");
            assertThat(check).isInstanceOf(TokenCheck.Valid.class);
            assertThat(((TokenCheck.Valid) check).principal().roles()).containsExactly(Role.PLATFORM_ADMIN);
            assertThat(foundation.tokens().verify(token.substring(0, token.length() - 1) + "x", "127.0.0.1"))
                    .isNotInstanceOf(TokenCheck.Valid.class);
        }
    }

    @Test
    void createsAnOrganizationTreeAndAUserWhosePasswordSignsInThenResetsTheSecondFactor() {
        assertThat(Cli.withInput("", "admin", "create-token", "--data", data.toString(), "--role", "SOC_LEAD")
                        .code())
                .isZero();
        Cli.Run org = Cli.withInput(
                "",
                "admin",
                "create-org",
                "--data",
                data.toString(),
                "--code",
                "SO-TTTT",
                "--name",
                "Sở Thông tin và Truyền thông",
                "--kind",
                "DEPARTMENT",
                "--parent",
                "SOC");
        assertThat(org.code()).as(org.err()).isZero();
        Cli.Run weak = Cli.withInput(
                "short\n",
                "admin",
                "create-user",
                "--data",
                data.toString(),
                "--username",
                "an",
                "--role",
                "ORG_SECURITY_OFFICER",
                "--org",
                "SO-TTTT");
        assertThat(weak.code()).isEqualTo(1);
        assertThat(weak.err()).contains("password");

        Cli.Run user = Cli.withInput(
                "Một mật khẩu đủ dài 2026\n",
                "admin",
                "create-user",
                "--data",
                data.toString(),
                "--username",
                "nguyen.an",
                "--display-name",
                "Nguyễn Văn An",
                "--role",
                "ORG_SECURITY_OFFICER",
                "--org",
                "SO-TTTT");
        assertThat(user.code()).as(user.err()).isZero();
        assertThat(user.out()).contains("created user nguyen.an").contains("SO-TTTT");

        byte[] handle = {7, 7, 7};
        try (Foundation foundation = Foundation.open(data, null, System.getenv())) {
            UUID an = foundation.users().byUsername("nguyen.an").orElseThrow().id();
            assertThat(foundation
                            .passkeys()
                            .add(new Passkey(
                                    new byte[] {1, 2},
                                    an,
                                    handle,
                                    new byte[] {3},
                                    0,
                                    Set.of(),
                                    false,
                                    false,
                                    "Điện thoại",
                                    Instant.now(),
                                    null)))
                    .isTrue();
        }
        Cli.Run reset = Cli.withInput("", "admin", "reset-mfa", "--data", data.toString(), "--username", "Nguyen.An");
        assertThat(reset.code()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("their 1 passkey(s) removed");
        try (Foundation foundation = Foundation.open(data, null, System.getenv())) {
            assertThat(foundation.passkeys().userByHandle(handle))
                    .as("a reset removes the passkeys of a lost device")
                    .isEmpty();
        }
        Cli.Run unknown = Cli.withInput("", "admin", "reset-mfa", "--data", data.toString(), "--username", "nobody");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no user is called nobody");
    }

    @Test
    void auditVerifyPassesOnTheTrailTheCommandsWroteAndFailsWhenARecordIsChanged() throws Exception {
        assertThat(Cli.withInput("", "admin", "create-token", "--data", data.toString(), "--role", "AUDITOR")
                        .code())
                .isZero();
        assertThat(Cli.withInput("", "admin", "create-token", "--data", data.toString(), "--role", "SOC_ANALYST")
                        .code())
                .isZero();
        Cli.Run intact = Cli.withInput("", "audit", "verify", "--data", data.toString());
        assertThat(intact.code()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).startsWith("intact: 2 records");

        String url = "jdbc:h2:file:" + data.resolve("meta").resolve("lachan").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "lachan", "");
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update audit_records set action = 'token.revoke' where sequence = 1"))
                    .isEqualTo(1);
        }

        Cli.Run tampered = Cli.withInput("", "audit", "verify", "--data", data.toString());
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("TAMPERED").contains("NOT intact");
    }

    @Test
    void refusesAFolderWithoutATrailAndAnUnknownScope() {
        Cli.Run none = Cli.withInput("", "audit", "verify", "--data", data.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no audit trail");

        Cli.Run scope = Cli.withInput(
                "",
                "admin",
                "create-token",
                "--data",
                data.toString(),
                "--role",
                "SOC_ANALYST",
                "--scope",
                "evnts:read");
        assertThat(scope.code()).isEqualTo(2);
        assertThat(scope.err()).contains("unknown scope 'evnts:read'");
    }
}
