package vn.lachan.alert.grouping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Keeps the most recently touched groups, evicting the least recently touched beyond a bound. */
final class RecentGroups {
    private final LinkedHashMap<String, OpenGroup> groups;

    RecentGroups(int max) {
        this.groups = new LinkedHashMap<>(Math.min(max, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OpenGroup> eldest) {
                return size() > max;
            }
        };
    }

    @Nullable
    OpenGroup get(String id) {
        return groups.get(id);
    }

    void put(OpenGroup group) {
        groups.put(group.id(), group);
    }

    int size() {
        return groups.size();
    }
}
