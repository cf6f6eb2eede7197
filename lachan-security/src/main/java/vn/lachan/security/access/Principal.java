package vn.lachan.security.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Describes who is acting: a signed-in user or an API token, its home organization and what it
 * holds.
 *
 * @param kind whether a user or a token acts
 * @param id the user's or the token's id
 * @param name the username or the token's name, for the audit trail
 * @param organization the home organization; what the principal sees is its subtree (all for the
 *     monitoring center)
 * @param roles the roles held; a token holds exactly one
 * @param scopes for a token, the scopes that narrow its role; empty for a user
 */
public record Principal(Kind kind, UUID id, String name, UUID organization, Set<Role> roles, Set<Scope> scopes) {

    /** Says whether a person or a machine acts. */
    public enum Kind {
        /** A person signed in through the browser or the CLI. */
        USER,
        /** A machine presenting an API token. */
        TOKEN
    }

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organization, "organization");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        if (kind == Kind.USER && !scopes.isEmpty()) {
            throw new IllegalArgumentException("a user has roles, not scopes: " + scopes);
        }
        if (kind == Kind.TOKEN && roles.size() != 1) {
            throw new IllegalArgumentException("a token holds exactly one role, not " + roles);
        }
    }

    /** Returns a user principal. */
    public static Principal user(UUID id, String username, UUID organization, Set<Role> roles) {
        return new Principal(Kind.USER, id, username, organization, roles, Set.of());
    }

    /** Returns a token principal. */
    public static Principal token(UUID id, String name, UUID organization, Role role, Set<Scope> scopes) {
        return new Principal(Kind.TOKEN, id, name, organization, Set.of(role), scopes);
    }

    /** Returns the permissions the principal holds: its roles' grants, narrowed by its scopes for a token. */
    public Set<Permission> permissions() {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> granted.addAll(role.permissions()));
        if (kind == Kind.TOKEN) {
            EnumSet<Permission> allowed = EnumSet.noneOf(Permission.class);
            scopes.forEach(scope -> allowed.addAll(scope.permissions()));
            granted.retainAll(allowed);
        }
        return granted;
    }
}
