package vn.lachan.web.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.audit.AuditQuery;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.Outcome;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.QueryParams;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the audit trail: {@code GET /api/v1/audit?after=SEQ&size=N}, records in sequence order after the
 * sequence {@code after} (the {@code next_cursor} of the previous page), hashes included so that a reader can
 * check the chain; filtered by {@code from}/{@code to} (UTC times, {@code to} exclusive), {@code actor}, {@code
 * action} (exact, or a prefix ending in {@code *}), {@code outcome} and {@code target}, in the database.
 *
 * <p>The monitoring center sees every record; anyone else only records about organizations it sees (records
 * about no organization, such as a failed sign-in of an unknown name, stay with the center). Thread-safe.
 */
public final class AuditRoutes {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    private static final Set<String> PARAMS =
            Set.of("after", "size", "from", "to", "actor", "action", "outcome", "target");

    private final WebSecurity security;
    private final JsonCodec json;

    /** Creates the routes over the stored trail. */
    public AuditRoutes(WebSecurity security, JsonCodec json) {
        this.security = security;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.get("/api/v1/audit", Access.requires(Permission.AUDIT_READ), this::list);
    }

    private void list(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PARAMS);
        OrganizationFilter filter =
                security.policy().visibleOrganizations(Caller.of(ctx).principal());
        int size = (int) params.integer("size", 1, MAX_SIZE, DEFAULT_SIZE);
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalidField("to", "must be after from (" + from + ")");
        }
        AuditQuery query = new AuditQuery(
                params.integer("after", 0, Long.MAX_VALUE - 1, 0),
                from,
                to,
                params.text("actor", 300),
                params.text("action", 100),
                params.choice("outcome", Outcome.class),
                params.text("target", 500),
                switch (filter) {
                    case OrganizationFilter.All all -> null;
                    case OrganizationFilter.Only only -> only.organizations();
                },
                size);
        List<AuditRecord> page = security.auditRecords().search(query);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("items", page.stream().map(AuditRoutes::view).toList());
        out.put(
                "next_cursor",
                page.size() == size ? Long.toString(page.getLast().sequence()) : null);
        ctx.contentType("application/json").result(json.write(out));
    }

    private static Map<String, @Nullable Object> view(AuditRecord r) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("sequence", r.sequence());
        out.put("time", r.time().toString());
        out.put("actor", r.actor());
        out.put("action", r.action());
        out.put("target", r.target());
        out.put(
                "organization",
                r.organization() == null ? null : r.organization().toString());
        out.put("source_address", r.sourceAddress());
        out.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.put("details", r.details());
        out.put("previous_hash", r.previousHash());
        out.put("hash", r.hash());
        return out;
    }
}
