package vn.lachan.meta.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Subtrees;
import vn.lachan.security.access.OrganizationScope;

/** Answers access and ownership questions about the tree from an in-memory snapshot, reloaded when stale. */
final class CachedScope implements OrganizationScope, Subtrees {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration maxAge;
    private final JdbcOrganizations store;
    private volatile Snapshot snapshot;

    CachedScope(Jdbi jdbi, Clock clock, Duration maxAge, JdbcOrganizations store) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the tree cache age must not be negative: " + maxAge);
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxAge = maxAge;
        this.store = store;
        this.snapshot = load();
    }

    @Override
    public Set<UUID> subtree(UUID root) {
        Snapshot tree = fresh();
        if (!tree.kinds.containsKey(root)) {
            return Set.of();
        }
        // asked on every API request of an organization's caller: walked once per snapshot, which is immutable
        return tree.subtrees.computeIfAbsent(root, r -> walk(tree, r));
    }

    private static Set<UUID> walk(Snapshot tree, UUID root) {
        Set<UUID> result = new HashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            if (result.add(next)) {
                pending.addAll(tree.children.getOrDefault(next, List.of()));
            }
        }
        return Set.copyOf(result);
    }

    @Override
    public boolean isMonitoringCenter(UUID organization) {
        return fresh().kinds.get(organization) == OrganizationKind.SOC;
    }

    @Override
    public boolean contains(String root, String code) {
        Snapshot tree = fresh();
        UUID top = tree.codes.get(root.toUpperCase(Locale.ROOT));
        UUID at = tree.codes.get(code.toUpperCase(Locale.ROOT));
        // the walk up ends at a root; the tree has no cycles (moves that would make one are refused)
        while (top != null && at != null) {
            if (at.equals(top)) {
                return true;
            }
            at = tree.parents.get(at);
        }
        return false;
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.version != store.treeVersion()
                || current.loaded.plus(maxAge).isBefore(now)) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        long version = store.treeVersion();
        Map<UUID, OrganizationKind> kinds = new HashMap<>();
        Map<UUID, List<UUID>> children = new HashMap<>();
        Map<UUID, UUID> parents = new HashMap<>();
        Map<String, UUID> codes = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select id, parent_id, kind, code from organizations")
                .map((rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID parent = rs.getObject("parent_id", UUID.class);
                    kinds.put(id, OrganizationKind.valueOf(rs.getString("kind")));
                    codes.put(rs.getString("code").toUpperCase(Locale.ROOT), id);
                    if (parent != null) {
                        parents.put(id, parent);
                        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
                    }
                    return id;
                })
                .list());
        return new Snapshot(version, clock.instant(), kinds, children, parents, codes, new ConcurrentHashMap<>());
    }

    private record Snapshot(
            long version,
            Instant loaded,
            Map<UUID, OrganizationKind> kinds,
            Map<UUID, List<UUID>> children,
            Map<UUID, UUID> parents,
            Map<String, UUID> codes,
            ConcurrentHashMap<UUID, Set<UUID>> subtrees) {}
}
