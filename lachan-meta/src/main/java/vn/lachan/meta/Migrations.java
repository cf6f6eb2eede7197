package vn.lachan.meta;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the one set of migrations in {@code db/migration}, refusing a schema newer than this code. */
final class Migrations {
    private Migrations() {}

    /** Migrates the database and returns the schema version it is at. */
    static int migrate(DataSource dataSource, MetaConfig config) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        refuseNewer(flyway, config);
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        if (current == null || current.getVersion() == null) {
            throw new MetaDatabaseException("the metadata database has no schema after migrating: " + result);
        }
        return Integer.parseInt(current.getVersion().getVersion());
    }

    private static void refuseNewer(Flyway flyway, MetaConfig config) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion known = Arrays.stream(all)
                .filter(m -> !isFuture(m.getState()) && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        Arrays.stream(all)
                .filter(m -> isFuture(m.getState()))
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .ifPresent(newer -> {
                    throw new MetaDatabaseException(
                            "the metadata database " + config.jdbcUrl() + " is at schema version "
                                    + newer + ", newer than this Lachan knows (" + known
                                    + "): run the newer Lachan, or restore a backup made by this version");
                });
    }

    private static boolean isFuture(MigrationState state) {
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
    }
}
