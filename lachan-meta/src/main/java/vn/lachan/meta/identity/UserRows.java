package vn.lachan.meta.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.security.access.Role;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;

/** Reads user accounts with their roles, opening the sealed display name and email. */
final class UserRows {
    static final String TABLE = "users";
    private static final String SELECT = "select u.id, u.username, u.display_name, u.email, u.organization_id,"
            + " u.status, u.created_at, u.updated_at, r.role from users u"
            + " left join user_roles r on r.user_id = u.id ";

    private final ColumnSealer sealer;

    UserRows(ColumnSealer sealer) {
        this.sealer = sealer;
    }

    /** Returns the accounts matching {@code where} (a clause over {@code u}), ordered by username. */
    List<UserAccount> select(Handle h, String where, Consumer<Query> bindings) {
        Query query = h.createQuery(SELECT + where + " order by u.username, r.role");
        bindings.accept(query);
        Map<UUID, Row> rows = new LinkedHashMap<>();
        query.map((rs, ctx) -> collect(rs, rows)).list();
        List<UserAccount> accounts = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            accounts.add(row.account());
        }
        return accounts;
    }

    private UUID collect(ResultSet rs, Map<UUID, Row> rows) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Row row = rows.get(id);
        if (row == null) {
            row = read(rs, id);
            rows.put(id, row);
        }
        String role = rs.getString("role");
        if (role != null) {
            row.roles.add(Role.valueOf(role));
        }
        return id;
    }

    private Row read(ResultSet rs, UUID id) throws SQLException {
        return new Row(
                id,
                rs.getString("username"),
                sealer.openRequiredText(rs.getBytes("display_name"), TABLE, "display_name", id),
                sealer.openText(rs.getBytes("email"), TABLE, "email", id),
                rs.getObject("organization_id", UUID.class),
                UserStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                EnumSet.noneOf(Role.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private record Row(
            UUID id,
            String username,
            String displayName,
            @Nullable String email,
            UUID organization,
            UserStatus status,
            Instant created,
            Instant updated,
            Set<Role> roles) {
        UserAccount account() {
            return new UserAccount(id, username, displayName, email, organization, roles, status, created, updated);
        }
    }
}
