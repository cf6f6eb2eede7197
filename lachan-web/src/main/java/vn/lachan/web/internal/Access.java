package vn.lachan.web.internal;

import io.javalin.security.RouteRole;
import java.util.Objects;
import vn.lachan.security.access.Permission;

/**
 * Says who may call a route: anyone, any authenticated caller, or a caller holding one permission. Every route
 * is registered with one, through {@link RouteTable}; the server checks it before the handler runs.
 */
public sealed interface Access extends RouteRole {
    /** Anyone, without credentials: liveness, the API description and the way in (sign-in). */
    Access PUBLIC = new Public();

    /** Any caller with valid credentials, whatever it holds (who am I, sign out). */
    Access AUTHENTICATED = new Authenticated();

    /** Returns the access of a route that needs {@code permission}. */
    static Access requires(Permission permission) {
        return new Requires(permission);
    }

    /** Lets anyone call the route. */
    record Public() implements Access {}

    /** Lets any authenticated caller call the route. */
    record Authenticated() implements Access {}

    /**
     * Lets an authenticated caller holding {@code permission} call the route.
     *
     * @param permission the permission needed
     */
    record Requires(Permission permission) implements Access {
        public Requires {
            Objects.requireNonNull(permission, "permission");
        }
    }
}
