package vn.lachan.web.passkey;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Principal;
import vn.lachan.security.passkey.CeremonyStart;
import vn.lachan.security.passkey.Passkey;
import vn.lachan.security.passkey.PasskeyService;
import vn.lachan.security.passkey.Registration;
import vn.lachan.security.signin.SignInResult;
import vn.lachan.web.WebSecurity;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.RequestBodies;
import vn.lachan.web.internal.RouteTable;
import vn.lachan.web.internal.SessionCookie;

/**
 * Serves passkeys: a signed-in person registers one ({@code POST /api/v1/auth/passkeys/register/options}, then
 * {@code POST /api/v1/auth/passkeys/register} with the browser's credential), lists and removes their own
 * ({@code GET /api/v1/auth/passkeys}, {@code DELETE /api/v1/auth/passkeys/{credential}}); anyone signs in with
 * one ({@code POST /api/v1/auth/passkeys/signin/options}, then {@code POST /api/v1/auth/passkeys/signin}),
 * which begins the same browser session as password sign-in.
 *
 * <p>The options carry no secret the server relies on: each ceremony is named by an id, and its challenge and
 * expectations stay on the server. A refused sign-in is one 401 answer whatever the reason, with {@code
 * Retry-After} while the address is throttled. Thread-safe.
 */
public final class PasskeyRoutes {
    private static final int MAX_CEREMONY = 64;

    private final WebSecurity security;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final SessionCookie cookie;

    /** Carries {@code POST /api/v1/auth/passkeys/register/options}. */
    record RegisterOptionsBody() {}

    /** Carries {@code POST /api/v1/auth/passkeys/register}. */
    record RegisterBody(
            @Nullable String ceremony,
            @Nullable String name,
            @Nullable JsonNode credential) {}

    /** Carries {@code POST /api/v1/auth/passkeys/signin/options}. */
    record SignInOptionsBody(@Nullable String username) {}

    /** Carries {@code POST /api/v1/auth/passkeys/signin}. */
    record SignInBody(@Nullable String ceremony, @Nullable JsonNode credential) {}

    /** Creates the routes. */
    public PasskeyRoutes(WebSecurity security, OrganizationCodes codes, RequestBodies bodies, JsonCodec json) {
        this.security = security;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
        this.cookie = new SessionCookie(security.secureCookies());
    }

    /** Adds the routes. */
    public void register(RouteTable routes) {
        routes.post("/api/v1/auth/passkeys/register/options", Access.AUTHENTICATED, this::registerOptions);
        routes.post("/api/v1/auth/passkeys/register", Access.AUTHENTICATED, this::registerFinish);
        routes.get("/api/v1/auth/passkeys", Access.AUTHENTICATED, this::list);
        routes.delete("/api/v1/auth/passkeys/{credential}", Access.AUTHENTICATED, this::remove);
        routes.post("/api/v1/auth/passkeys/signin/options", Access.PUBLIC, this::signInOptions);
        routes.post("/api/v1/auth/passkeys/signin", Access.PUBLIC, this::signInFinish);
    }

    private void registerOptions(Context ctx) {
        PasskeyService passkeys = service();
        Principal person = person(ctx);
        byte[] body = bodies.read(ctx);
        if (body.length > 0) {
            json.read(body, RegisterOptionsBody.class);
        }
        options(ctx, passkeys.startRegistration(person.id()));
    }

    private void registerFinish(Context ctx) {
        PasskeyService passkeys = service();
        Principal person = person(ctx);
        RegisterBody body = json.read(bodies.read(ctx), RegisterBody.class);
        String ceremony = ApiProblem.requiredText("ceremony", body.ceremony(), MAX_CEREMONY);
        String name =
                ApiProblem.requiredText("name", body.name(), Passkey.MAX_NAME).strip();
        if (name.isEmpty()) {
            throw ApiProblem.invalidField("name", "required");
        }
        String credential = credential(body.credential());
        switch (passkeys.finishRegistration(person.id(), ceremony, credential, name, ctx.ip())) {
            case Registration.Registered r ->
                ctx.status(201).contentType("application/json").result(json.write(view(r.passkey())));
            case Registration.Refused r ->
                throw ApiProblem.of(422, "passkey-refused", "Passkey not registered", r.reason());
        }
    }

    private void list(Context ctx) {
        PasskeyService passkeys = service();
        Principal person = person(ctx);
        List<Map<String, @Nullable Object>> views =
                passkeys.list(person.id()).stream().map(PasskeyRoutes::view).toList();
        ctx.contentType("application/json").result(json.write(Map.of("passkeys", views)));
    }

    private void remove(Context ctx) {
        PasskeyService passkeys = service();
        Principal person = person(ctx);
        if (!passkeys.remove(person, ctx.pathParam("credential"), ctx.ip())) {
            throw ApiProblem.of(404, "not-found", "Not found", "you have no passkey with this id");
        }
        ctx.status(204);
    }

    private void signInOptions(Context ctx) {
        PasskeyService passkeys = service();
        byte[] body = bodies.read(ctx);
        String username = null;
        if (body.length > 0) {
            username = json.read(body, SignInOptionsBody.class).username();
            if (username != null && username.length() > 256) {
                throw ApiProblem.invalidField("username", "at most 256 characters");
            }
        }
        options(ctx, passkeys.startSignIn(username, ctx.ip()));
    }

    private void signInFinish(Context ctx) {
        PasskeyService passkeys = service();
        SignInBody body = json.read(bodies.read(ctx), SignInBody.class);
        String ceremony = ApiProblem.requiredText("ceremony", body.ceremony(), MAX_CEREMONY);
        String credential = credential(body.credential());
        switch (passkeys.finishSignIn(ceremony, credential, ctx.ip())) {
            case SignInResult.SignedIn signedIn -> begin(ctx, signedIn.principal());
            case SignInResult.Refused refused -> throw ApiProblem.signInRefused(refused.retryAfter());
            case SignInResult.SecondFactorRequired r -> throw new IllegalStateException("a passkey is two factors");
            case SignInResult.EnrolmentRequired r -> throw new IllegalStateException("a passkey is two factors");
        }
    }

    private void options(Context ctx, CeremonyStart start) {
        switch (start) {
            case CeremonyStart.Ready ready -> {
                JsonNode options = json.tree(ready.options().getBytes(StandardCharsets.UTF_8), "options");
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("ceremony", ready.ceremony());
                out.put("public_key", options.get("publicKey"));
                out.put("expires_in_seconds", ready.expiresIn().toSeconds());
                ctx.contentType("application/json").result(json.write(out));
            }
            case CeremonyStart.Refused refused -> throw ApiProblem.signInRefused(refused.retryAfter());
        }
    }

    private void begin(Context ctx, Principal principal) {
        Map<String, @Nullable Object> out = cookie.begin(ctx, security.sessions(), codes, principal);
        ctx.status(200).contentType("application/json").result(json.write(out));
    }

    private PasskeyService service() {
        PasskeyService passkeys = security.passkeys();
        if (passkeys == null) {
            throw ApiProblem.of(
                    501,
                    "passkeys-off",
                    "Passkeys are off",
                    "this server has no passkey relying party: set passkeys.rp_id (the domain people reach it at)"
                            + " and passkeys.origins in the configuration");
        }
        return passkeys;
    }

    private static Principal person(Context ctx) {
        Principal principal = Caller.of(ctx).principal();
        if (principal.kind() != Principal.Kind.USER) {
            throw ApiProblem.of(
                    400,
                    "passkeys-for-people",
                    "Passkeys belong to people",
                    "passkeys are registered and managed by a person signed in with a browser session, not with an"
                            + " API token");
        }
        return principal;
    }

    private String credential(@Nullable JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw ApiProblem.invalidField("credential", "required: the PublicKeyCredential's toJSON() as an object");
        }
        return new String(json.compact(credential), StandardCharsets.UTF_8);
    }

    private static Map<String, @Nullable Object> view(Passkey p) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("created", p.created().toString());
        out.put("last_used", p.lastUsed() == null ? null : String.valueOf(p.lastUsed()));
        out.put("transports", p.transports().stream().sorted().toList());
        out.put("backup_eligible", p.backupEligible());
        out.put("backed_up", p.backupState());
        return out;
    }
}
