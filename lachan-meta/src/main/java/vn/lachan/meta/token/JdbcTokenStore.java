package vn.lachan.meta.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.token.ApiToken;
import vn.lachan.security.token.TokenStore;

/**
 * Stores API tokens in the metadata database: the selector and the hash of the secret, never the
 * token, so nothing here can be turned back into a working token.
 *
 * <p>Thread-safe. {@link #touch} writes at most once a minute per token, so a busy ingest agent
 * does not turn every request into a write.
 */
public final class JdbcTokenStore implements TokenStore {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, name, selector, secret_hash, role, organization_id, scopes,"
            + " created_at, expires_at, revoked_at, last_used_at, created_by";

    private final Jdbi jdbi;

    /** Creates the store over an open database. */
    public JdbcTokenStore(MetaDatabase database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean create(ApiToken token) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into api_tokens (" + COLUMNS + ") values (:id, :name,"
                            + " :selector, :secretHash, :role, :organization, :scopes, :created, :expires, :revoked,"
                            + " :lastUsed, :createdBy)")
                    .bind("id", token.id())
                    .bind("name", token.name())
                    .bind("selector", token.selector())
                    .bind("secretHash", token.secretHash())
                    .bind("role", token.role().name())
                    .bind("organization", token.organization())
                    .bind("scopes", scopes(token.scopes()))
                    .bind("created", token.created())
                    .bindByType("expires", token.expires(), Instant.class)
                    .bindByType("revoked", token.revoked(), Instant.class)
                    .bindByType("lastUsed", token.lastUsed(), Instant.class)
                    .bindByType("createdBy", token.createdBy(), UUID.class)
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<ApiToken> byId(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from api_tokens where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public Optional<ApiToken> bySelector(String selector) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from api_tokens where selector = :selector")
                .bind("selector", selector)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public List<ApiToken> list(OrganizationFilter organizations) {
        String order = " order by created_at desc, id";
        return switch (organizations) {
            case OrganizationFilter.All all ->
                jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from api_tokens" + order)
                        .map((rs, ctx) -> token(rs))
                        .list());
            case OrganizationFilter.Only only when only.organizations().isEmpty() -> List.of();
            case OrganizationFilter.Only only ->
                jdbi.withHandle(h -> h.createQuery(
                                "select " + COLUMNS + " from api_tokens where organization_id in (<orgs>)" + order)
                        .bindList("orgs", new ArrayList<>(only.organizations()))
                        .map((rs, ctx) -> token(rs))
                        .list());
        };
    }

    @Override
    public boolean revoke(UUID id, Instant at) {
        return jdbi.withHandle(
                h -> h.createUpdate("update api_tokens set revoked_at = :at where id = :id and revoked_at is null")
                                .bind("at", at)
                                .bind("id", id)
                                .execute()
                        == 1);
    }

    @Override
    public void touch(UUID id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("update api_tokens set last_used_at = :at where id = :id"
                        + " and (last_used_at is null or last_used_at < :recent)")
                .bind("at", at)
                .bind("recent", at.minus(TOUCH_EVERY))
                .bind("id", id)
                .execute());
    }

    private static String scopes(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
    }

    private static Set<Scope> scopes(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : stored.split(" ")) {
            scopes.add(Scope.fromWireName(name)
                    .orElseThrow(() -> new IllegalStateException("api_tokens: unknown scope '" + name + "'")));
        }
        return scopes;
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("selector"),
                rs.getString("secret_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("organization_id", UUID.class),
                scopes(rs.getString("scopes")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"),
                rs.getObject("created_by", UUID.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
