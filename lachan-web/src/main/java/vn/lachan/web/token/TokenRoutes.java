package vn.lachan.web.token;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.token.ApiToken;
import vn.lachan.security.token.ApiTokens;
import vn.lachan.security.token.IssueResult;
import vn.lachan.security.token.TokenPage;
import vn.lachan.security.token.TokenQuery;
import vn.lachan.security.token.TokenRequest;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.QueryParams;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;

/**
 * Serves API token management: {@code GET /api/v1/tokens} (never a secret), {@code POST /api/v1/tokens} (the
 * secret in the answer, once, {@code Cache-Control: no-store}) and {@code DELETE /api/v1/tokens/{id}} (revoke,
 * at once on this node). The rules are {@link ApiTokens}', shared with {@code lachan admin create-token}.
 * Thread-safe.
 */
public final class TokenRoutes {
    private static final Set<String> LIST_PARAMS = Set.of("organization", "status", "after", "size");

    private final ApiTokens tokens;
    private final AccessPolicy policy;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;

    /** The body of {@code POST /api/v1/tokens}. */
    record Create(
            @Nullable String name,
            @Nullable String role,
            @Nullable String organization,
            @Nullable List<String> scopes,
            @Nullable String expires) {}

    /** Creates the routes over the token service. */
    public TokenRoutes(
            ApiTokens tokens, AccessPolicy policy, OrganizationCodes codes, RequestBodies bodies, JsonCodec json) {
        this.tokens = tokens;
        this.policy = policy;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        Access manage = Access.requires(Permission.TOKENS_MANAGE);
        routes.get("/api/v1/tokens", manage, this::list);
        routes.post("/api/v1/tokens", manage, this::create);
        routes.delete("/api/v1/tokens/{id}", manage, this::revoke);
    }

    private void list(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        QueryParams params = QueryParams.of(ctx, LIST_PARAMS);
        String org = params.text("organization", 64);
        TokenQuery query = new TokenQuery(
                org == null
                        ? null
                        : QueryParams.organization(codes, "organization", org, id -> policy.canSee(by, id))
                                .id(),
                params.choice("status", ApiToken.Status.class),
                params.uuid("after"),
                (int) params.integer("size", 1, 1000, 100));
        TokenPage page = tokens.list(by, query);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(this::view).toList());
        out.put(
                "next_cursor",
                page.nextCursor() == null ? null : page.nextCursor().toString());
        ctx.contentType("application/json").result(json.write(out));
    }

    private void create(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        Create body = json.read(bodies.read(ctx), Create.class);
        String name = required(body.name(), "name");
        Role role = QueryParams.choice("role", required(body.role(), "role"), Role.class);
        String org = body.organization();
        UUID organization = org == null
                ? by.organization()
                : QueryParams.organization(codes, "organization", org, id -> policy.canSee(by, id))
                        .id();
        TokenRequest request =
                new TokenRequest(name, role, organization, scopes(required(body.scopes(), "scopes")), expires(body));
        switch (tokens.issue(by, request)) {
            case IssueResult.Issued issued -> {
                Map<String, @Nullable Object> out = view(issued.issued().token());
                out.put("secret", issued.issued().secret());
                ctx.status(201).header("Cache-Control", "no-store").contentType("application/json");
                ctx.result(json.write(out));
            }
            case IssueResult.Rejected rejected -> throw ApiProblem.invalidFields(rejected.problems());
        }
    }

    private void revoke(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        ApiToken token = tokens.revoke(Caller.of(ctx).principal(), id).orElseThrow(NotFound::new);
        ctx.contentType("application/json").result(json.write(view(token)));
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ApiProblem.invalidField(field, "required");
        }
        return value;
    }

    private static Set<Scope> scopes(List<String> names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "scopes[" + i + "]";
            scopes.add(Scope.fromWireName(name == null ? "" : name)
                    .orElseThrow(() -> ApiProblem.invalidField(
                            field,
                            "one of "
                                    + EnumSet.allOf(Scope.class).stream()
                                            .map(Scope::wireName)
                                            .toList() + " is expected, not '" + name + "'")));
        }
        return scopes;
    }

    private static @Nullable Instant expires(Create body) {
        String text = body.expires();
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    "expires", "a UTC time such as 2026-12-31T00:00:00Z is expected, not '" + text + "'");
        }
    }

    private Map<String, @Nullable Object> view(ApiToken t) {
        Map<String, @Nullable Object> organization = new LinkedHashMap<>();
        organization.put("id", t.organization().toString());
        organization.put("code", codes.code(t.organization()).orElse(null));
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", t.id().toString());
        out.put("name", t.name());
        out.put("role", t.role().name());
        out.put("organization", organization);
        out.put("scopes", t.scopes().stream().map(Scope::wireName).sorted().toList());
        out.put("status", t.status(Instant.now()).name().toLowerCase(Locale.ROOT));
        out.put("created", t.created().toString());
        out.put("expires", t.expires() == null ? null : t.expires().toString());
        out.put("last_used", t.lastUsed() == null ? null : t.lastUsed().toString());
        out.put("revoked", t.revoked() == null ? null : t.revoked().toString());
        out.put("created_by", t.createdBy() == null ? null : t.createdBy().toString());
        return out;
    }
}
