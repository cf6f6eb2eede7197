package vn.lachan.security.access;

import java.util.Set;
import java.util.UUID;

/**
 * Answers the questions about the organization tree that access decisions need (a port: the
 * metadata database implements it).
 *
 * <p>Implementations must be thread-safe; {@link AccessPolicy} calls them on every check, so they
 * should answer from memory or a cache.
 */
public interface OrganizationScope {

    /**
     * Returns the ids of {@code root} and every organization below it; empty when {@code root} is
     * unknown.
     */
    Set<UUID> subtree(UUID root);

    /**
     * Returns whether the organization is the provincial monitoring center (kind SOC), whose users
     * see every organization.
     */
    boolean isMonitoringCenter(UUID organization);
}
