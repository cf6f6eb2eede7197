package vn.lachan.core.org;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores the organization tree and the organizations' contact points, with the history of every
 * contact change.
 *
 * <p>Changes that user input can make fail (a duplicate code, an unknown parent, a cycle) are
 * returned as {@link Outcome.Refused}, never thrown. Implementations are thread-safe; the time of a
 * contact change comes from the implementation's clock.
 */
public interface Organizations {

    /** Stores a new organization; refuses a code already taken or a parent that does not exist. */
    Outcome<Organization> create(Organization organization);

    /** Returns the organization with {@code id}, if any. */
    Optional<Organization> get(UUID id);

    /** Returns the organization with {@code code} (exact, codes are upper-case), if any. */
    Optional<Organization> byCode(String code);

    /** Returns the organizations without a parent, ordered by code. */
    List<Organization> roots();

    /** Returns the direct children of {@code parent}, ordered by code; empty when it has none. */
    List<Organization> children(UUID parent);

    /**
     * Returns the ids of {@code root} and of every organization below it; empty when {@code root}
     * does not exist. This is the set a user of {@code root} may see.
     */
    Set<UUID> subtree(UUID root);

    /**
     * Moves an organization under {@code newParent} (null: make it a root); refuses a parent that
     * does not exist, or one inside the organization's own subtree (a cycle).
     */
    Outcome<Organization> move(UUID id, @Nullable UUID newParent);

    /** Renames an organization (its code stays). */
    Outcome<Organization> rename(UUID id, String name, @Nullable String nameEn);

    /**
     * Sets a contact point of an organization, keeping the previous version in its history; the
     * change is stamped with the current time and {@code changedBy}.
     */
    Outcome<ContactPoint> setContact(UUID organization, ContactType type, ContactDetails details, String changedBy);

    /** Returns the current contact point of {@code type}, if set. */
    Optional<ContactPoint> contact(UUID organization, ContactType type);

    /** Returns every version of a contact point, newest first (the current one first). */
    List<ContactPoint> contactHistory(UUID organization, ContactType type);

    /** Returns the organizations that have no contact of {@code type} (e.g. the required 24/7 one). */
    List<Organization> withoutContact(ContactType type);
}
