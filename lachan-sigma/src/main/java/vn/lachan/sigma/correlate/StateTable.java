package vn.lachan.sigma.correlate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds every live group window, in order of last update, capped: inserting beyond the cap evicts
 * the least recently updated window (the stalest) and counts it.
 */
final class StateTable {
    private final Map<Key, GroupWindow> windows;
    long evictions;
    long expired;

    /** Identifies one group of one correlation. */
    record Key(int node, List<String> values) {}

    StateTable(int cap) {
        this.windows = new LinkedHashMap<>(Math.min(cap, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, GroupWindow> eldest) {
                if (size() > cap) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** Returns the group's window, creating it when absent (which may evict the stalest one). */
    GroupWindow window(Node node, List<String> values) {
        return windows.computeIfAbsent(new Key(node.index, values), k -> new GroupWindow(node, values));
    }

    int size() {
        return windows.size();
    }

    /** Drops the windows that event time {@code clock} has left behind. */
    void expire(long clock, long latenessMicros) {
        Iterator<GroupWindow> it = windows.values().iterator();
        while (it.hasNext()) {
            if (it.next().expired(clock, latenessMicros)) {
                it.remove();
                expired++;
            }
        }
    }
}
