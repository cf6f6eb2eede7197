package vn.lachan.meta;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/** Opens the connection pool and turns a failure to connect into a message a person can act on. */
final class Connections {
    /** H2's error code for a database file that another process holds (DATABASE_ALREADY_OPEN_1). */
    private static final int H2_ALREADY_OPEN = 90020;

    private Connections() {}

    static HikariDataSource pool(MetaConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("lachan-meta");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(1);
        if (config.isPostgres()) {
            hikari.addDataSourceProperty("connectTimeout", "10");
            hikari.addDataSourceProperty("ApplicationName", "lachan");
        }
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw explain(config, e);
        }
    }

    private static MetaDatabaseException explain(MetaConfig config, RuntimeException failure) {
        SQLException sql = sqlCause(failure);
        String reason = String.valueOf(sql == null ? failure.getMessage() : sql.getMessage());
        Path folder = config.embeddedFolder();
        if (folder != null) {
            if (sql != null && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return new MetaDatabaseException(
                        "another Lachan uses " + folder + ": stop it, or start this one with another data folder",
                        failure);
            }
            return new MetaDatabaseException("cannot open the metadata database in " + folder + ": " + reason, failure);
        }
        return new MetaDatabaseException(postgresMessage(config, sql, reason), failure);
    }

    private static String postgresMessage(MetaConfig config, @Nullable SQLException sql, String reason) {
        Properties url = Driver.parseURL(config.jdbcUrl(), null);
        String host = url == null ? config.jdbcUrl() : url.getProperty("PGHOST") + ":" + url.getProperty("PGPORT");
        String database = url == null ? "?" : url.getProperty("PGDBNAME");
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08")) {
            return "cannot reach PostgreSQL at " + host + " (is the server running and the port open?): " + reason;
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + host + " refused user '" + config.user() + "' (check the user and password): "
                    + reason;
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + host + " has no database '" + database + "': create it (createdb " + database
                    + ") or fix the URL";
        }
        return String.format(Locale.ROOT, "cannot open PostgreSQL database '%s' at %s: %s", database, host, reason);
    }

    private static @Nullable SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
