package vn.lachan.web.audit;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the audit trail: {@code GET /api/v1/audit?after=SEQ&size=N}, records in sequence order after the
 * sequence {@code after} (the {@code next_cursor} of the previous page), hashes included so that a reader can
 * check the chain.
 *
 * <p>The monitoring center sees every record; anyone else only records about organizations it sees (records
 * about no organization, such as a failed sign-in of an unknown name, stay with the center). Thread-safe.
 */
public final class AuditRoutes {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    private static final int SCAN_BATCHES = 20;

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
        long after = number(ctx, "after", 0, Long.MAX_VALUE - 1, 0);
        int size = (int) number(ctx, "size", 1, MAX_SIZE, DEFAULT_SIZE);
        OrganizationFilter filter =
                security.policy().visibleOrganizations(Caller.of(ctx).principal());
        List<AuditRecord> page = new ArrayList<>(size);
        long next = after;
        boolean more = true;
        // scan a bounded number of batches, so that a reader seeing few records cannot make one request read all
        for (int batch = 0; batch < SCAN_BATCHES && page.size() < size && more; batch++) {
            List<AuditRecord> records = security.auditRecords().range(next + 1, size);
            more = records.size() == size;
            for (AuditRecord r : records) {
                next = r.sequence();
                if (visible(filter, r.organization())) {
                    page.add(r);
                    if (page.size() == size) {
                        break;
                    }
                }
            }
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("items", page.stream().map(AuditRoutes::view).toList());
        out.put("next_cursor", more || page.size() == size ? Long.toString(next) : null);
        ctx.contentType("application/json").result(json.write(out));
    }

    private static boolean visible(OrganizationFilter filter, @Nullable UUID organization) {
        return filter instanceof OrganizationFilter.All || (organization != null && filter.includes(organization));
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

    private static long number(Context ctx, String name, long min, long max, long fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiProblem.invalidField(
                name, "an integer from " + min + " to " + max + " is expected, not '" + text + "'");
    }
}
