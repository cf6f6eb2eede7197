package vn.lachan.web.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.Organizations;
import vn.lachan.security.access.OrganizationFilter;

/**
 * Maps the organization ids of the security model to the codes events and alerts carry, and back.
 *
 * <p>An organization's code never changes (a rename keeps it) and organizations are not deleted, so a mapping
 * once found is kept for the life of the server; an unknown one is asked again each time, since it may be
 * created later. Thread-safe.
 */
public final class OrganizationCodes {
    private static final int MAX_VISIBLE = 4096;

    private final Organizations organizations;
    private final ConcurrentHashMap<UUID, String> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, UUID> ids = new ConcurrentHashMap<>();
    // what each subtree sees, by its organizations: asked on every request of an organization's caller, and
    // stable, since codes never change (a changed tree gives another set of organizations)
    private final ConcurrentHashMap<Set<UUID>, Caller.Visibility> visible = new ConcurrentHashMap<>();

    /** Creates the mapping over the organization store. */
    public OrganizationCodes(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Returns the code of the organization {@code id}, or empty when there is none. */
    public Optional<String> code(UUID id) {
        String known = codes.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Organization> found = organizations.get(id);
        found.ifPresent(this::remember);
        return found.map(Organization::code);
    }

    /** Returns the id of the organization {@code code}, or empty when there is none. */
    public Optional<UUID> id(String code) {
        UUID known = ids.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Organization> found = organizations.byCode(code);
        found.ifPresent(this::remember);
        return found.map(Organization::id);
    }

    /** Returns the organization {@code key} names: an id (UUID) or a code (any case). */
    public Optional<Organization> find(String key) {
        String k = key.strip();
        if (k.length() == 36 && k.charAt(8) == '-') {
            try {
                return organizations.get(UUID.fromString(k));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return organizations.byCode(k.toUpperCase(java.util.Locale.ROOT));
    }

    /** Returns what a filter of the access policy lets through, as codes (null: every organization). */
    public Caller.Visibility visibility(OrganizationFilter filter) {
        return switch (filter) {
            case OrganizationFilter.All all -> Caller.Visibility.ALL;
            case OrganizationFilter.Only only -> {
                Caller.Visibility known = visible.get(only.organizations());
                yield known != null ? known : resolve(only.organizations());
            }
        };
    }

    /**
     * Returns the organization the records a caller sends are bound to: empty for a caller that sees every
     * organization (the monitoring center), else the caller's home organization, whose subtree the pipeline
     * keeps the events in.
     */
    public String origin(Caller caller) {
        if (caller.visibility().codes() == null) {
            return "";
        }
        UUID home = caller.principal().organization();
        // a principal's organization exists (organizations are never deleted); a miss is a broken database
        return code(home)
                .orElseThrow(() -> new IllegalStateException("the caller's organization " + home + " is missing"));
    }

    private Caller.Visibility resolve(Set<UUID> organizations) {
        Set<String> out = new HashSet<>();
        boolean complete = true;
        for (UUID id : organizations) {
            Optional<String> code = code(id);
            code.ifPresent(out::add);
            complete &= code.isPresent();
        }
        Caller.Visibility resolved = new Caller.Visibility(out);
        if (complete) {
            // an organization not found yet may be created later: only a complete answer is kept
            if (visible.size() >= MAX_VISIBLE) {
                visible.clear();
            }
            visible.put(Set.copyOf(organizations), resolved);
        }
        return resolved;
    }

    private void remember(Organization organization) {
        codes.put(organization.id(), organization.code());
        ids.put(organization.code(), organization.id());
    }
}
