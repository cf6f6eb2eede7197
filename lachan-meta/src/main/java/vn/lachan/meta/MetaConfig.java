package vn.lachan.meta;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures the metadata database: an embedded H2 file under the data folder (the default) or a
 * PostgreSQL server.
 *
 * @param jdbcUrl {@code jdbc:h2:file:…} or {@code jdbc:postgresql://host:port/database}
 * @param user the database user
 * @param password the database password (never printed by {@link #toString})
 * @param poolSize the most connections kept open, 1 to 200
 * @param embeddedFolder the folder of the embedded H2 file, named in errors; null for PostgreSQL
 */
public record MetaConfig(
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        @Nullable Path embeddedFolder) {
    /** The H2 settings that make it answer as PostgreSQL does for the one set of migrations. */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public MetaConfig {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "meta database URL must start with jdbc:h2: or jdbc:postgresql:, got '" + jdbcUrl + "'");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("meta database pool size must be 1 to 200, got " + poolSize);
        }
    }

    /** Returns the embedded H2 database in {@code dataFolder/meta/lachan.mv.db}. */
    public static MetaConfig embedded(Path dataFolder) {
        Path folder = dataFolder.resolve("meta").toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + folder.resolve("lachan") + H2_SETTINGS;
        return new MetaConfig(url, "lachan", "", 8, folder);
    }

    /** Returns a PostgreSQL server's database, e.g. {@code jdbc:postgresql://db.local:5432/lachan}. */
    public static MetaConfig postgres(String jdbcUrl, String user, String password) {
        return new MetaConfig(jdbcUrl, user, password, 16, null);
    }

    /** Returns whether this is a PostgreSQL server rather than the embedded H2 file. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "MetaConfig[" + jdbcUrl + ", user " + user + ", pool " + poolSize + "]";
    }
}
