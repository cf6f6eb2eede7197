package vn.lachan.web.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/** Renders a caller for the API: who it is, its organization, roles, scopes and permissions. */
public final class PrincipalView {
    private PrincipalView() {}

    /** Returns the JSON-ready view of the caller; {@code organizationCode} is null when unknown. */
    public static Map<String, @Nullable Object> of(Caller caller, @Nullable String organizationCode) {
        var p = caller.principal();
        Map<String, @Nullable Object> organization = new TreeMap<>();
        organization.put("id", p.organization().toString());
        organization.put("code", organizationCode);
        Map<String, @Nullable Object> out = new java.util.LinkedHashMap<>();
        out.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        out.put("id", p.id().toString());
        out.put("name", p.name());
        out.put("organization", organization);
        out.put("roles", p.roles().stream().map(Role::name).sorted().toList());
        out.put("scopes", p.scopes().stream().map(Scope::wireName).sorted().toList());
        out.put(
                "permissions",
                p.permissions().stream().map(Permission::name).sorted().toList());
        out.put("authenticated_by", caller.via().name().toLowerCase(Locale.ROOT));
        return out;
    }
}
