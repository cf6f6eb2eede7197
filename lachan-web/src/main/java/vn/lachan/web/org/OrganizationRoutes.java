package vn.lachan.web.org;

import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the organization tree as the caller sees it: {@code GET /api/v1/organizations} (the visible subtree,
 * ordered by code) and {@code GET /api/v1/organizations/{idOrCode}}; an organization outside the caller's
 * subtree is answered exactly like one that does not exist, and a parent outside it is shown as null.
 * Thread-safe.
 */
public final class OrganizationRoutes {
    private final Organizations organizations;
    private final AccessPolicy policy;
    private final JsonCodec json;

    /** Creates the routes over the organization store. */
    public OrganizationRoutes(Organizations organizations, AccessPolicy policy, JsonCodec json) {
        this.organizations = organizations;
        this.policy = policy;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access read = Access.requires(Permission.ORGANIZATIONS_READ);
        routes.get("/api/v1/organizations", read, this::list);
        routes.get("/api/v1/organizations/{id}", read, this::one);
    }

    private void list(Context ctx) {
        Principal principal = Caller.of(ctx).principal();
        OrganizationFilter filter = policy.visibleOrganizations(principal);
        List<Organization> visible = switch (filter) {
            case OrganizationFilter.All all -> everything();
            case OrganizationFilter.Only only ->
                only.organizations().stream()
                        .map(organizations::get)
                        .flatMap(Optional::stream)
                        .toList();
        };
        List<Map<String, @Nullable Object>> items = visible.stream()
                .sorted(Comparator.comparing(Organization::code))
                .map(o -> view(o, filter))
                .toList();
        ctx.contentType("application/json").result(json.write(Map.of("items", items)));
    }

    private void one(Context ctx) {
        String key = ctx.pathParam("id");
        Principal principal = Caller.of(ctx).principal();
        OrganizationFilter filter = policy.visibleOrganizations(principal);
        Organization organization = find(key)
                .filter(o -> filter.includes(o.id()))
                .orElseThrow(() -> ApiProblem.of(
                        404, "organization-not-found", "Organization not found", "there is no organization " + key));
        ctx.contentType("application/json").result(json.write(view(organization, filter)));
    }

    private Optional<Organization> find(String key) {
        if (key.length() == 36 && key.charAt(8) == '-') {
            try {
                return organizations.get(UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return organizations.byCode(key.toUpperCase(Locale.ROOT));
    }

    private List<Organization> everything() {
        List<Organization> out = new ArrayList<>();
        Deque<Organization> pending = new ArrayDeque<>(organizations.roots());
        while (!pending.isEmpty()) {
            Organization next = pending.pop();
            out.add(next);
            pending.addAll(organizations.children(next.id()));
        }
        return out;
    }

    private static Map<String, @Nullable Object> view(Organization o, OrganizationFilter filter) {
        UUID parent = o.parent();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", o.id().toString());
        out.put("code", o.code());
        out.put("name", o.name());
        out.put("name_en", o.nameEn());
        out.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
        out.put("parent", parent != null && filter.includes(parent) ? parent.toString() : null);
        return out;
    }
}
