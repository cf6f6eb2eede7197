package vn.lachan.security.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides, in one place, whether a principal may perform an action on a resource.
 *
 * <p>Two questions, in this order: may the principal see the resource's organization (the
 * monitoring center sees every organization, everyone else the subtree of their home
 * organization), and does the principal hold the permission. A resource outside what the principal
 * sees is reported as {@link NotFound}, whatever the permission, so a refusal never reveals that
 * another organization's object exists; a missing permission on a visible resource is {@link
 * Forbidden}.
 *
 * <p>Thread-safe when the {@link OrganizationScope} is.
 */
public final class AccessPolicy {
    private static final OrganizationFilter ALL = new OrganizationFilter.All();

    private final OrganizationScope organizations;

    /** Creates a policy that reads the organization tree through {@code organizations}. */
    public AccessPolicy(OrganizationScope organizations) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
    }

    /**
     * Checks that the principal may perform an action needing {@code permission} on a resource of
     * {@code resourceOrganization}.
     *
     * @param resourceOrganization the organization owning the resource, or null for a resource
     *     that belongs to no organization (a rule, a platform setting)
     * @throws NotFound when the resource's organization is outside what the principal sees
     * @throws Forbidden when the principal sees the resource but lacks the permission
     */
    public void require(Principal principal, Permission permission, @Nullable UUID resourceOrganization) {
        if (resourceOrganization != null && !canSee(principal, resourceOrganization)) {
            throw new NotFound();
        }
        if (!allows(principal, permission)) {
            throw new Forbidden(permission);
        }
    }

    /** Returns whether the principal holds the permission, whatever the organization. */
    public boolean allows(Principal principal, Permission permission) {
        for (Role role : principal.roles()) {
            if (role.permissions().contains(permission)) {
                return principal.kind() == Principal.Kind.USER || scopesAllow(principal, permission);
            }
        }
        return false;
    }

    /**
     * Checks that the principal may hand out every one of {@code roles} (to a user or a token): a role
     * may be granted only by a principal that holds every permission the role grants, so nobody
     * creates an account or a token above their own.
     *
     * @throws Forbidden naming the first permission of a role the principal lacks
     */
    public void requireGrantable(Principal principal, Set<Role> roles) {
        Set<Permission> held = principal.permissions();
        for (Role role : roles) {
            for (Permission permission : role.permissions()) {
                if (!held.contains(permission)) {
                    throw new Forbidden(
                            permission,
                            "the role " + role + " grants " + permission
                                    + ", which you do not hold; nobody grants a role above their own");
                }
            }
        }
    }

    /** Returns whether the principal may hand out {@code role} (see {@link #requireGrantable}). */
    public boolean mayGrant(Principal principal, Role role) {
        return principal.permissions().containsAll(role.permissions());
    }

    /** Returns whether data of {@code organization} is visible to the principal. */
    public boolean canSee(Principal principal, UUID organization) {
        return visibleOrganizations(principal).includes(organization);
    }

    /** Returns the organizations whose data the principal may see, for query filters. */
    public OrganizationFilter visibleOrganizations(Principal principal) {
        if (organizations.isMonitoringCenter(principal.organization())) {
            return ALL;
        }
        return new OrganizationFilter.Only(organizations.subtree(principal.organization()));
    }

    private static boolean scopesAllow(Principal principal, Permission permission) {
        for (Scope scope : principal.scopes()) {
            if (scope.permissions().contains(permission)) {
                return true;
            }
        }
        return false;
    }
}
