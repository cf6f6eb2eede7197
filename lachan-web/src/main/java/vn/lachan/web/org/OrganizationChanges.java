package vn.lachan.web.org;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Outcome;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.Principal;
import vn.lachan.security.organization.OrganizationDirectory;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;
import vn.lachan.web.internal.OrganizationCodes;
import vn.lachan.web.internal.QueryParams;
import vn.lachan.web.internal.RequestBodies;

/** Handles the changing organization routes: create, rename or move, and set a contact point. */
final class OrganizationChanges {
    private final OrganizationDirectory directory;
    private final AccessPolicy policy;
    private final OrganizationCodes codes;
    private final RequestBodies bodies;
    private final JsonCodec json;

    record Create(
            @Nullable String code,
            @Nullable String name,
            @Nullable String nameEn,
            @Nullable String kind,
            @Nullable String parent) {}

    record Change(
            @Nullable String name,
            @Nullable String nameEn,
            @Nullable String parent) {}

    record Contact(
            @Nullable String fullName,
            @Nullable String unit,
            @Nullable String position,
            @Nullable String address,
            @Nullable String phoneFixed,
            @Nullable String phoneMobile,
            @Nullable String email,
            @Nullable String publishedUrl) {}

    OrganizationChanges(
            OrganizationDirectory directory,
            AccessPolicy policy,
            OrganizationCodes codes,
            RequestBodies bodies,
            JsonCodec json) {
        this.directory = directory;
        this.policy = policy;
        this.codes = codes;
        this.bodies = bodies;
        this.json = json;
    }

    /** Creates an organization and returns it. */
    Organization create(Context ctx) {
        Principal by = Caller.of(ctx).principal();
        Create body = json.read(bodies.read(ctx), Create.class);
        String parent = body.parent();
        UUID parentId = parent == null ? null : organization(by, "parent", parent);
        OrganizationKind kind = QueryParams.choice("kind", required(body.kind(), "kind"), OrganizationKind.class);
        Organization request = valid(() -> Organization.create(
                required(body.code(), "code").strip().toUpperCase(java.util.Locale.ROOT),
                required(body.name(), "name"),
                body.nameEn(),
                kind,
                parentId));
        return done(directory.create(by, request));
    }

    /** Renames and/or moves the organization of the path and returns it. */
    Organization change(Context ctx, UUID id) {
        Principal by = Caller.of(ctx).principal();
        if (directory.find(by, id).isEmpty()) {
            throw new NotFound();
        }
        Change body = json.read(bodies.read(ctx), Change.class);
        String parent = body.parent();
        UUID parentId = parent == null ? null : organization(by, "parent", parent);
        String name = body.name();
        if (name != null) {
            valid(() -> Organization.create("XX", name, body.nameEn(), OrganizationKind.DEPARTMENT, null));
        }
        return done(directory.update(by, id, name, body.nameEn(), parentId));
    }

    /** Sets the contact point of the path and returns it. */
    ContactPoint contact(Context ctx, UUID id) {
        Principal by = Caller.of(ctx).principal();
        if (directory.find(by, id).isEmpty()) {
            throw new NotFound();
        }
        ContactType type = QueryParams.choice("type", ctx.pathParam("type"), ContactType.class);
        Contact body = json.read(bodies.read(ctx), Contact.class);
        ContactDetails details = valid(() -> new ContactDetails(
                required(body.fullName(), "full_name"),
                required(body.unit(), "unit"),
                required(body.position(), "position"),
                body.address(),
                body.phoneFixed(),
                required(body.phoneMobile(), "phone_mobile"),
                required(body.email(), "email"),
                url(body.publishedUrl())));
        return done(directory.setContact(by, id, type, details));
    }

    private UUID organization(Principal by, String field, String key) {
        return QueryParams.organization(codes, field, key, id -> policy.canSee(by, id))
                .id();
    }

    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Refused<T> refused -> throw refusal(refused);
        };
    }

    private static ApiProblem refusal(Outcome.Refused<?> refused) {
        String field = refused.field().equals("nameEn") ? "name_en" : refused.field();
        if (refused.reason() == Outcome.Reason.CONFLICT) {
            return ApiProblem.of(409, "conflict", "Conflict", refused.message()).with("field", field);
        }
        if (refused.field().equals("id")) {
            return ApiProblem.of(404, "not-found", "Not found", "there is no such object");
        }
        return ApiProblem.invalidField(field, refused.message());
    }

    private static <T> T valid(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            // the core's records name the field first: "fullName: ..." / "phoneMobile: ..."
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(':');
            String field = colon > 0 ? snake(message.substring(0, colon)) : "(body)";
            throw ApiProblem.invalidField(
                    field, colon > 0 ? message.substring(colon + 1).strip() : message);
        }
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static @Nullable URI url(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ApiProblem.invalidField("published_url", "'" + text + "' is not a URL");
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ApiProblem.invalidField(field, "required");
        }
        return value;
    }
}
