package vn.lachan.web.user;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.identity.CreateResult;
import vn.lachan.security.identity.NewUser;
import vn.lachan.security.identity.UpdateResult;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserChange;
import vn.lachan.security.identity.UserDirectory;
import vn.lachan.security.identity.UserPage;
import vn.lachan.security.identity.UserQuery;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.sso.IdentityLinks;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.QueryParams;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves user management: {@code GET/POST /api/v1/users}, {@code GET/PATCH /api/v1/users/{id}}, {@code POST
 * /api/v1/users/{id}/reset-mfa}, {@code POST /api/v1/users/{id}/password} and {@code GET/DELETE
 * /api/v1/users/{id}/identities} (the single sign-on identities linked to the account). Every rule (subtree, role
 * ceiling, last platform administrator, audit) is the {@link UserDirectory}'s, shared with the command line;
 * another organization's user is answered exactly as a missing one. Thread-safe.
 */
public final class UserRoutes {
    private static final Set<String> LIST_PARAMS = Set.of("organization", "role", "status", "q", "after", "size");

    private final UserDirectory users;
    private final AccessPolicy policy;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;

    /** Creates the routes over the directory. */
    public UserRoutes(
            UserDirectory users, AccessPolicy policy, OrganizationCodes codes, RequestBodies bodies, JsonCodec json) {
        this.users = users;
        this.policy = policy;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access read = Access.requires(Permission.USERS_READ);
        Access manage = Access.requires(Permission.USERS_MANAGE);
        routes.get("/api/v1/users", read, this::list);
        routes.post("/api/v1/users", manage, this::create);
        routes.get("/api/v1/users/{id}", read, this::one);
        routes.patch("/api/v1/users/{id}", manage, this::change);
        routes.post("/api/v1/users/{id}/reset-mfa", manage, this::resetMfa);
        routes.post("/api/v1/users/{id}/password", manage, this::password);
        routes.get("/api/v1/users/{id}/identities", read, this::identities);
        routes.delete("/api/v1/users/{id}/identities", manage, this::unlink);
    }

    private void list(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        QueryParams params = QueryParams.of(ctx, LIST_PARAMS);
        String org = params.text("organization", 64);
        UserQuery query = new UserQuery(
                org == null
                        ? null
                        : QueryParams.organization(codes, "organization", org, id -> policy.canSee(by, id))
                                .id(),
                params.choice("role", Role.class),
                params.choice("status", UserStatus.class),
                params.text("q", 200),
                params.text("after", 64),
                (int) params.integer("size", 1, 1000, 100));
        UserPage page = users.page(by, query);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(this::view).toList());
        out.put("next_cursor", page.nextCursor());
        ctx.contentType("application/json").result(json.write(out));
    }

    private void create(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        UserBodies.Create body = json.read(bodies.read(ctx), UserBodies.Create.class);
        String username = UserBodies.required(body.username(), "username");
        String org = UserBodies.required(body.organization(), "organization");
        NewUser request = new NewUser(
                username,
                body.displayName() == null ? username : body.displayName(),
                body.email(),
                QueryParams.organization(codes, "organization", org, id -> policy.canSee(by, id))
                        .id(),
                UserBodies.roles(UserBodies.required(body.roles(), "roles")),
                UserBodies.required(body.password(), "password"));
        switch (users.create(by, request)) {
            case CreateResult.Created created -> respond(ctx.status(201), created.account());
            case CreateResult.Rejected rejected -> throw ApiProblem.invalidFields(rejected.problems());
        }
    }

    private void one(Context ctx) {
        respond(ctx, users.find(Caller.of(ctx).principal(), id(ctx)).orElseThrow(NotFound::new));
    }

    private void change(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        UUID id = id(ctx);
        UserBodies.Change body = json.read(bodies.read(ctx), UserBodies.Change.class);
        String org = body.organization();
        List<String> roles = body.roles();
        String status = body.status();
        UserChange change = new UserChange(
                body.displayName(),
                body.email(),
                org == null
                        ? null
                        : QueryParams.organization(codes, "organization", org, o -> policy.canSee(by, o))
                                .id(),
                roles == null ? null : UserBodies.roles(roles),
                status == null ? null : QueryParams.choice("status", status, UserStatus.class));
        switch (users.update(by, id, change)) {
            case UpdateResult.Updated updated -> respond(ctx, updated.account());
            case UpdateResult.Rejected rejected -> throw ApiProblem.invalidFields(rejected.problems());
            case UpdateResult.Conflict conflict -> throw conflict(conflict.problem());
        }
    }

    private void resetMfa(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        UUID id = id(ctx);
        users.resetSecondFactor(by, id);
        respond(ctx, users.find(by, id).orElseThrow(NotFound::new));
    }

    private void password(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        UUID id = id(ctx);
        if (users.find(by, id).isEmpty()) {
            throw new NotFound();
        }
        UserBodies.Password body = json.read(bodies.read(ctx), UserBodies.Password.class);
        List<Problem> problems = users.setPassword(by, id, UserBodies.required(body.password(), "password"));
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems);
        }
        respond(ctx, users.find(by, id).orElseThrow(NotFound::new));
    }

    private void identities(Context ctx) {
        List<Map<String, String>> items = new ArrayList<>();
        for (IdentityLinks.Link link : users.identities(Caller.of(ctx).principal(), id(ctx))) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("provider", link.provider());
            item.put("issuer", link.issuer());
            item.put("subject", link.subject());
            item.put("created", link.created().toString());
            item.put("last_sign_in", link.lastSignIn().toString());
            items.add(item);
        }
        ctx.contentType("application/json").result(json.write(Map.of("items", items)));
    }

    private void unlink(Context ctx) {
        int removed = users.unlinkIdentities(Caller.of(ctx).principal(), id(ctx));
        ctx.contentType("application/json").result(json.write(Map.of("removed", removed)));
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            // a malformed id names no user: the same answer as a missing one
            throw new NotFound();
        }
    }

    private static ApiProblem conflict(Problem problem) {
        return ApiProblem.of(409, "conflict", "Conflict", problem.message()).with("field", problem.source());
    }

    private void respond(Context ctx, UserAccount account) {
        ctx.contentType("application/json").result(json.write(view(account)));
    }

    private Map<String, @Nullable Object> view(UserAccount a) {
        Map<String, @Nullable Object> organization = new LinkedHashMap<>();
        organization.put("id", a.organization().toString());
        organization.put("code", codes.code(a.organization()).orElse(null));
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", a.id().toString());
        out.put("username", a.username());
        out.put("display_name", a.displayName());
        out.put("email", a.email());
        out.put("organization", organization);
        out.put("roles", a.roles().stream().map(Role::name).sorted().toList());
        out.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("second_factor_required", a.requiresSecondFactor());
        out.put("created", a.created().toString());
        out.put("updated", a.updated().toString());
        return out;
    }
}
