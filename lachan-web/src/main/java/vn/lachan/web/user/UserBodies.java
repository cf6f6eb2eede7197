package vn.lachan.web.user;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;
import vn.lachan.web.internal.ApiProblem;
import vn.lachan.web.internal.QueryParams;

/** The JSON bodies of the user routes; unknown fields and wrong types are refused by the codec. */
final class UserBodies {
    private UserBodies() {}

    /** {@code POST /api/v1/users}. */
    record Create(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String organization,
            @Nullable List<String> roles,
            @Nullable String password) {}

    /** {@code PATCH /api/v1/users/{id}}: a field left out stays as it is; an empty email removes it. */
    record Change(
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String organization,
            @Nullable List<String> roles,
            @Nullable String status) {}

    /** {@code POST /api/v1/users/{id}/password}. */
    record Password(@Nullable String password) {}

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ApiProblem.invalidField(field, "required");
        }
        return value;
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw ApiProblem.invalidField("roles[" + i + "]", "a role name is expected, not null");
            }
            roles.add(QueryParams.choice("roles[" + i + "]", name, Role.class));
        }
        return roles;
    }
}
