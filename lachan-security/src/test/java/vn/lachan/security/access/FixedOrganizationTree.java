package vn.lachan.security.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A small organization tree for tests: the province, the SOC, two departments, a commune under one. */
public final class FixedOrganizationTree implements OrganizationScope {
    public static final UUID PROVINCE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final UUID SOC = UUID.fromString("00000000-0000-0000-0000-000000000002");
    public static final UUID HEALTH = UUID.fromString("00000000-0000-0000-0000-000000000003");
    public static final UUID HEALTH_HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000004");
    public static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-000000000005");

    private final Map<UUID, UUID> parents =
            new HashMap<>(Map.of(SOC, PROVINCE, HEALTH, PROVINCE, HEALTH_HOSPITAL, HEALTH, FINANCE, PROVINCE));
    int subtreeCalls;

    @Override
    public Set<UUID> subtree(UUID root) {
        subtreeCalls++;
        if (!root.equals(PROVINCE) && !parents.containsKey(root)) {
            return Set.of();
        }
        Set<UUID> result = new HashSet<>(Set.of(root));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<UUID, UUID> e : parents.entrySet()) {
                if (result.contains(e.getValue()) && result.add(e.getKey())) {
                    grew = true;
                }
            }
        }
        return result;
    }

    @Override
    public boolean isMonitoringCenter(UUID organization) {
        return organization.equals(SOC);
    }
}
