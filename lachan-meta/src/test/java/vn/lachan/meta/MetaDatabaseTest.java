package vn.lachan.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lachan.meta.testing.Backend;

class MetaDatabaseTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migrationsCreateEveryTableOnBothDatabases(Backend backend) {
        try (MetaDatabase db = MetaDatabase.open(backend.freshDatabase(data))) {
            assertThat(db.schemaVersion()).isEqualTo(newestMigration());
            List<String> tables = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "select table_name from information_schema.tables where table_schema = 'public'")
                            .mapTo(String.class)
                            .map(name -> name.toLowerCase(Locale.ROOT))
                            .list());
            assertThat(tables)
                    .contains(
                            "organizations",
                            "contact_points",
                            "users",
                            "user_roles",
                            "credentials",
                            "recovery_codes",
                            "api_tokens",
                            "sessions",
                            "signin_throttle",
                            "audit_records",
                            "audit_details",
                            "audit_checkpoints",
                            "passkeys");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDatabaseMigratedByANewerVersionIsRefusedNamingBothVersions(Backend backend) {
        MetaConfig config = backend.freshDatabase(data);
        try (MetaDatabase db = MetaDatabase.open(config)) {
            db.jdbi()
                    .useHandle(h -> h.execute("insert into flyway_schema_history (installed_rank, version,"
                            + " description, type, script, checksum, installed_by, installed_on, execution_time, success)"
                            + " select max(installed_rank) + 1, '99', 'from the future', 'SQL', 'V99__future.sql', 0,"
                            + " 'test', current_timestamp, 1, true from flyway_schema_history"));
        }
        assertThatThrownBy(() -> MetaDatabase.open(config))
                .isInstanceOf(MetaDatabaseException.class)
                .hasMessageContaining("schema version 99, newer than this Lachan knows (" + newestMigration() + ")");
    }

    /** Returns the highest version among the migrations shipped (V{n}__*.sql). */
    static int newestMigration() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnreachablePostgresIsNamedByHostAndPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MetaConfig config = MetaConfig.postgres("jdbc:postgresql://127.0.0.1:" + port + "/lachan", "lachan", "x");
        assertThatThrownBy(() -> MetaDatabase.open(config))
                .isInstanceOf(MetaDatabaseException.class)
                .hasMessageContaining("cannot reach PostgreSQL at 127.0.0.1:" + port);
    }

    @Test
    void theConfigNeverPrintsThePassword() {
        MetaConfig config = MetaConfig.postgres("jdbc:postgresql://db:5432/lachan", "lachan", "s3cret-pw");
        assertThat(config.toString()).doesNotContain("s3cret-pw").contains("db:5432");
    }
}
