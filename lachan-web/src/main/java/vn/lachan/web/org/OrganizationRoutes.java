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
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.organization.OrganizationDirectory;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves the organization tree as the caller sees it: {@code GET /api/v1/organizations} (the visible subtree,
 * ordered by code) and {@code GET /api/v1/organizations/{idOrCode}} (with its contact points, their history and
 * when a change must be reported); an organization outside the caller's subtree is answered exactly like one
 * that does not exist, and a parent outside it is shown as null. With ORGANIZATIONS_MANAGE: {@code POST
 * /api/v1/organizations}, {@code PATCH /api/v1/organizations/{id}} and {@code PUT
 * /api/v1/organizations/{id}/contacts/{type}}, the rules being the {@link OrganizationDirectory}'s.
 * Thread-safe.
 */
public final class OrganizationRoutes {
    private final Organizations organizations;
    private final AccessPolicy policy;
    private final JsonCodec json;
    private final OrganizationChanges changes;

    /** Creates the routes over the organization store and the directory that changes it. */
    public OrganizationRoutes(
            Organizations organizations,
            AccessPolicy policy,
            OrganizationDirectory directory,
            OrganizationCodes codes,
            RequestBodies bodies,
            JsonCodec json) {
        this.organizations = organizations;
        this.policy = policy;
        this.json = json;
        this.changes = new OrganizationChanges(directory, policy, codes, bodies, json);
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access read = Access.requires(Permission.ORGANIZATIONS_READ);
        Access manage = Access.requires(Permission.ORGANIZATIONS_MANAGE);
        routes.get("/api/v1/organizations", read, this::list);
        routes.get("/api/v1/organizations/{id}", read, this::one);
        routes.post("/api/v1/organizations", manage, this::create);
        routes.patch("/api/v1/organizations/{id}", manage, this::change);
        routes.put("/api/v1/organizations/{id}/contacts/{type}", manage, this::contact);
    }

    private void create(Context ctx) {
        Organization created = changes.create(ctx);
        OrganizationFilter filter = policy.visibleOrganizations(Caller.of(ctx).principal());
        ctx.status(201).contentType("application/json").result(json.write(detailed(created, filter)));
    }

    private void change(Context ctx) {
        OrganizationFilter filter = policy.visibleOrganizations(Caller.of(ctx).principal());
        Organization organization = visible(ctx.pathParam("id"), filter);
        Organization changed = changes.change(ctx, organization.id());
        ctx.contentType("application/json").result(json.write(detailed(changed, filter)));
    }

    private void contact(Context ctx) {
        OrganizationFilter filter = policy.visibleOrganizations(Caller.of(ctx).principal());
        Organization organization = visible(ctx.pathParam("id"), filter);
        ContactPoint point = changes.contact(ctx, organization.id());
        ctx.contentType("application/json").result(json.write(ContactViews.current(point)));
    }

    private Organization visible(String key, OrganizationFilter filter) {
        return find(key).filter(o -> filter.includes(o.id())).orElseThrow(() -> notFound(key));
    }

    private static ApiProblem notFound(String key) {
        return ApiProblem.of(
                404, "organization-not-found", "Organization not found", "there is no organization " + key);
    }

    private Map<String, @Nullable Object> detailed(Organization o, OrganizationFilter filter) {
        Map<String, @Nullable Object> out = view(o, filter);
        Map<String, @Nullable Object> contacts = new LinkedHashMap<>();
        for (ContactType type : ContactType.values()) {
            contacts.put(
                    type.name().toLowerCase(Locale.ROOT), ContactViews.of(organizations.contactHistory(o.id(), type)));
        }
        out.put("contacts", contacts);
        return out;
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
        Organization organization = visible(key, filter);
        ctx.contentType("application/json").result(json.write(detailed(organization, filter)));
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
