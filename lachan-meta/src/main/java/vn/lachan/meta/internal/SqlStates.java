package vn.lachan.meta.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Recognizes constraint violations, whose SQL states H2 and PostgreSQL share. */
public final class SqlStates {
    private SqlStates() {}

    /** Returns whether {@code failure} comes from a unique or primary key violation (23505). */
    public static boolean isDuplicate(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && "23505".equals(sql.getSQLState());
    }

    /**
     * Returns whether {@code failure} comes from a foreign key violation (23503; H2 says 23506 when the
     * referenced row is missing).
     */
    public static boolean isMissingReference(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && ("23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState()));
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
