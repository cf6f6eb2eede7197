package vn.lachan.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Main;
import vn.lachan.security.access.Role;
import vn.lachan.security.token.TokenCheck;

/** Runs the admin and audit commands on a fresh data folder, then checks what they left with the real services. */
class AdminCommandsTest {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    private static Run lachan(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void aTokenIssuedOnAFreshFolderIsItsLastLineAndVerifiesWithItsRole() {
        Run run = lachan("", "admin", "create-token", "--data", data.toString(), "--role", "PLATFORM_ADMIN");

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
        assertThat(lachan("", "admin", "create-token", "--data", data.toString(), "--role", "SOC_LEAD")
                        .code())
                .isZero();
        Run org = lachan(
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
        Run weak = lachan(
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

        Run user = lachan(
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

        Run reset = lachan("", "admin", "reset-mfa", "--data", data.toString(), "--username", "Nguyen.An");
        assertThat(reset.code()).as(reset.err()).isZero();
        Run unknown = lachan("", "admin", "reset-mfa", "--data", data.toString(), "--username", "nobody");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no user is called nobody");
    }

    @Test
    void auditVerifyPassesOnTheTrailTheCommandsWroteAndFailsWhenARecordIsChanged() throws Exception {
        assertThat(lachan("", "admin", "create-token", "--data", data.toString(), "--role", "AUDITOR")
                        .code())
                .isZero();
        assertThat(lachan("", "admin", "create-token", "--data", data.toString(), "--role", "SOC_ANALYST")
                        .code())
                .isZero();
        Run intact = lachan("", "audit", "verify", "--data", data.toString());
        assertThat(intact.code()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).startsWith("intact: 2 records");

        String url = "jdbc:h2:file:" + data.resolve("meta").resolve("lachan").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "lachan", "");
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update audit_records set action = 'token.revoke' where sequence = 1"))
                    .isEqualTo(1);
        }

        Run tampered = lachan("", "audit", "verify", "--data", data.toString());
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("TAMPERED").contains("NOT intact");
    }

    @Test
    void refusesAFolderWithoutATrailAndAnUnknownScope() {
        Run none = lachan("", "audit", "verify", "--data", data.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no audit trail");

        Run scope = lachan(
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
