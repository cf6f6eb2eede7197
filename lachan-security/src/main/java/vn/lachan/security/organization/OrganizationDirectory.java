package vn.lachan.security.organization;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Organizations;
import vn.lachan.core.org.Outcome;
import vn.lachan.security.access.AccessPolicy;
import vn.lachan.security.access.NotFound;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Principal;
import vn.lachan.security.audit.AuditEntry;
import vn.lachan.security.audit.AuditTrail;

/**
 * Creates, renames and moves organizations and sets their contact points on behalf of an actor, within the
 * actor's subtree, appending every change to the audit trail.
 *
 * <p>The rules the HTTP API and the command line share: an organization outside what the actor sees is {@link
 * NotFound} like a missing one; a new organization goes under one the actor sees (only the monitoring center
 * creates a root or another monitoring center, since the users of one see every organization); a move keeps the
 * organization inside the actor's subtree; names are kept in NFC with their diacritics. A null actor is the
 * command line on the server, which needs no permission. Personal data of contacts never enters the trail.
 * Thread-safe when the store is.
 */
public final class OrganizationDirectory {
    private final Organizations organizations;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    /** Creates the directory over the store; every collaborator is shared and thread-safe. */
    public OrganizationDirectory(Organizations organizations, AccessPolicy policy, AuditTrail audit) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Returns the organization {@code id} if the actor sees it. */
    public Optional<Organization> find(Principal by, UUID id) {
        return organizations.get(id).filter(o -> policy.canSee(by, o.id()));
    }

    /**
     * Creates an organization; a refusal names the field ({@code parent}, {@code code}, {@code kind}).
     *
     * @throws vn.lachan.security.access.Forbidden when the actor lacks {@link Permission#ORGANIZATIONS_MANAGE}
     */
    public Outcome<Organization> create(@Nullable Principal by, Organization request) {
        Organization org = request.renamed(nfc(request.name()), nfcOrNull(request.nameEn()));
        if (by != null) {
            policy.require(by, Permission.ORGANIZATIONS_MANAGE, null);
            boolean center = seesAll(by);
            UUID parent = org.parent();
            if (parent == null ? !center : !policy.canSee(by, parent)) {
                return refused(
                        Outcome.Reason.NOT_FOUND,
                        "parent",
                        parent == null
                                ? "give the parent organization; only the monitoring center creates a root"
                                : "there is no organization " + parent);
            }
            if (org.kind() == OrganizationKind.SOC && !center) {
                return refused(Outcome.Reason.INVALID, "kind", "only the monitoring center creates a unit of kind soc");
            }
        }
        Outcome<Organization> outcome = organizations.create(org);
        if (outcome instanceof Outcome.Done<Organization>(Organization created)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("code", created.code());
            details.put("kind", created.kind().name());
            details.put("parent", String.valueOf(created.parent()));
            record(by, "organization.create", created, details);
        }
        return outcome;
    }

    /**
     * Renames and/or moves an organization under another parent; a null argument stays as it is.
     *
     * @throws NotFound when the organization is outside what the actor sees
     */
    public Outcome<Organization> update(
            @Nullable Principal by, UUID id, @Nullable String name, @Nullable String nameEn, @Nullable UUID parent) {
        Organization before = visible(by, id);
        if (by != null && parent != null && !policy.canSee(by, parent)) {
            return refused(Outcome.Reason.NOT_FOUND, "parent", "there is no organization " + parent);
        }
        Organization current = before;
        if (name != null || nameEn != null) {
            Outcome<Organization> renamed = organizations.rename(
                    id, nfc(name == null ? before.name() : name), nameEn == null ? before.nameEn() : nfcOrNull(nameEn));
            if (!(renamed instanceof Outcome.Done<Organization>(Organization done))) {
                return renamed;
            }
            current = done;
        }
        if (parent != null && !parent.equals(before.parent())) {
            Outcome<Organization> moved = organizations.move(id, parent);
            if (!(moved instanceof Outcome.Done<Organization>(Organization done))) {
                return moved;
            }
            current = done;
        }
        if (!current.equals(before)) {
            record(by, "organization.update", current, changes(before, current));
        }
        return new Outcome.Done<>(current);
    }

    /**
     * Sets a contact point, keeping the previous version in the history; the trail records that it changed
     * and when the coordinator must be told (24 hours later), not the person's data.
     *
     * @throws NotFound when the organization is outside what the actor sees
     */
    public Outcome<ContactPoint> setContact(@Nullable Principal by, UUID id, ContactType type, ContactDetails details) {
        Organization org = visible(by, id);
        String changedBy = by == null ? "cli" : by.name();
        Outcome<ContactPoint> outcome = organizations.setContact(id, type, details, changedBy);
        if (outcome instanceof Outcome.Done<ContactPoint>(ContactPoint point)) {
            record(
                    by,
                    "organization.contact",
                    org,
                    Map.of("type", type.name(), "reportDue", point.reportDue().toString()));
        }
        return outcome;
    }

    private Organization visible(@Nullable Principal by, UUID id) {
        Organization org = organizations.get(id).orElseThrow(NotFound::new);
        if (by != null) {
            policy.require(by, Permission.ORGANIZATIONS_MANAGE, org.id());
        }
        return org;
    }

    private boolean seesAll(Principal by) {
        return policy.visibleOrganizations(by) instanceof OrganizationFilter.All;
    }

    private static Map<String, String> changes(Organization before, Organization after) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            out.put("before.name", before.name());
            out.put("after.name", after.name());
        }
        if (!Objects.equals(before.nameEn(), after.nameEn())) {
            out.put("before.nameEn", String.valueOf(before.nameEn()));
            out.put("after.nameEn", String.valueOf(after.nameEn()));
        }
        if (!Objects.equals(before.parent(), after.parent())) {
            out.put("before.parent", String.valueOf(before.parent()));
            out.put("after.parent", String.valueOf(after.parent()));
        }
        return out;
    }

    private void record(@Nullable Principal by, String action, Organization org, Map<String, String> details) {
        String actor = by == null ? "system" : by.kind().name().toLowerCase(Locale.ROOT) + ":" + by.name();
        audit.append(new AuditEntry(
                actor, action, org.code(), org.id(), null, vn.lachan.security.audit.Outcome.SUCCESS, details));
    }

    private static <T> Outcome<T> refused(Outcome.Reason reason, String field, String message) {
        return new Outcome.Refused<>(reason, field, message);
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static @Nullable String nfcOrNull(@Nullable String text) {
        return text == null ? null : nfc(text);
    }
}
