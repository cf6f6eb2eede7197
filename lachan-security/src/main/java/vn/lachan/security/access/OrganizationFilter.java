package vn.lachan.security.access;

import java.util.Set;
import java.util.UUID;

/** Tells a query which organizations' data it may return. */
public sealed interface OrganizationFilter {

    /** Returns whether data of this organization may be shown. */
    boolean includes(UUID organization);

    /** Lets every organization through (the monitoring center). */
    record All() implements OrganizationFilter {
        @Override
        public boolean includes(UUID organization) {
            return true;
        }
    }

    /**
     * Lets these organizations through and no other.
     *
     * @param organizations the ids that may be shown; empty means nothing may be shown
     */
    record Only(Set<UUID> organizations) implements OrganizationFilter {
        public Only {
            organizations = Set.copyOf(organizations);
        }

        @Override
        public boolean includes(UUID organization) {
            return organizations.contains(organization);
        }
    }
}
