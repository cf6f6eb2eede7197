package vn.lachan.meta;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the metadata database (an embedded H2 file or a PostgreSQL server), migrates its schema and
 * hands out JDBI access to the repositories.
 *
 * <p>Thread-safe. Timestamps are stored as {@code timestamp with time zone} in UTC: the JDBI
 * instance binds and maps {@link Instant} through {@link OffsetDateTime}, never the JVM time zone.
 */
public final class MetaDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaDatabase.class);

    private final MetaConfig config;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final int schemaVersion;

    private MetaDatabase(MetaConfig config, HikariDataSource pool, int schemaVersion) {
        this.config = config;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
        this.jdbi = Jdbi.create(pool);
        jdbi.registerArgument(new InstantArgument());
        jdbi.registerArgument(new UuidArgument());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        });
    }

    /**
     * Connects, migrates the schema to the latest version and returns the open database.
     *
     * @throws MetaDatabaseException when the H2 file is held by another process, the server cannot
     *     be reached or refuses the user, or the schema was migrated by a newer version
     */
    public static MetaDatabase open(MetaConfig config) {
        HikariDataSource pool = Connections.pool(config);
        try {
            int version = Migrations.migrate(pool, config);
            LOG.info("Metadata database {} at schema version {}", config.jdbcUrl(), version);
            return new MetaDatabase(config, pool, version);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Returns the JDBI access the repositories use. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Returns the connection pool (for backups and health checks). */
    public DataSource dataSource() {
        return pool;
    }

    /** Returns the schema version the database is at after {@link #open}. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Returns whether this is a PostgreSQL server rather than the embedded H2 file. */
    public boolean isPostgres() {
        return config.isPostgres();
    }

    /** Closes every connection; the embedded H2 file is released for another process. */
    @Override
    public void close() {
        pool.close();
    }

    /** Binds a UUID natively, and a null one so that PostgreSQL infers the column's type. */
    private static final class UuidArgument extends AbstractArgumentFactory<UUID> {
        UuidArgument() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(UUID value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value);
        }
    }

    /** Binds an instant as a UTC {@code timestamp with time zone}. */
    private static final class InstantArgument extends AbstractArgumentFactory<Instant> {
        InstantArgument() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
