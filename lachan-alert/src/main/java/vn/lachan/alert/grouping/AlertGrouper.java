package vn.lachan.alert.grouping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.Detection;

/**
 * Turns detections into alert upserts: repeated firings of one rule on the same entities (same
 * organization, system and entity values) whose event times fall in one window count into one alert.
 *
 * <p>The alert id hashes that key (see {@link AlertRecord#id()}), so a restarted grouper finds the
 * same alerts. Memory is bounded: the most recently touched groups stay open, any other group is read
 * back through the look-up given at construction (usually {@code AlertStore::get}) and continued, so
 * counts stay right after eviction and after a restart as long as the caller stores the alerts each
 * {@link #add} returns before the next call. When storing them fails, the counts held here are ahead
 * of the store: drop this grouper and start a new one from the store's durable position before
 * retrying. Thread-safe: calls are serialized.
 */
public final class AlertGrouper {
    private final GroupingConfig config;
    private final Function<String, Optional<AlertRecord>> stored;
    private final long countedBelow;
    private final GroupKey keys;
    private final RecentGroups recent;

    /**
     * Creates a grouper that counts every detection it is given.
     *
     * @param stored finds a stored alert by id, empty when there is none
     */
    public AlertGrouper(GroupingConfig config, Function<String, Optional<AlertRecord>> stored) {
        this(config, stored, -1);
    }

    /**
     * Creates a grouper that skips the detections whose journal position is below {@code countedBelow}:
     * after a crash the pipeline replays events whose firings the stored alerts already count. Pass the
     * alert store's {@code durablePosition()} when alerts are written with the journal position after
     * the last record they cover (the pipeline's batch end).
     *
     * @param stored finds a stored alert by id, empty when there is none
     * @param countedBelow the first journal position not yet counted; -1 or 0 count everything
     */
    public AlertGrouper(GroupingConfig config, Function<String, Optional<AlertRecord>> stored, long countedBelow) {
        this.config = Objects.requireNonNull(config, "config");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.countedBelow = countedBelow;
        this.keys = new GroupKey(config.window().getSeconds());
        this.recent = new RecentGroups(config.maxOpenGroups());
    }

    /**
     * Counts the detections into their groups and returns the changed alerts, one per group touched,
     * in its latest state, in the order the groups were first touched.
     *
     * @param now the wall clock, which becomes the alerts' {@code updated} (and {@code raised} for new
     *     groups)
     */
    public synchronized List<AlertRecord> add(List<Detection> detections, Instant now) {
        Map<String, OpenGroup> touched = new LinkedHashMap<>();
        for (Detection d : detections) {
            if (d.position() < countedBelow) {
                continue;
            }
            String id = keys.id(d);
            OpenGroup group = touched.get(id);
            if (group == null) {
                touched.put(id, open(id, d, now));
            } else {
                group.add(d, config.maxEventIds());
            }
        }
        List<AlertRecord> changed = new ArrayList<>(touched.size());
        for (OpenGroup group : touched.values()) {
            recent.put(group);
            changed.add(group.toRecord(now));
        }
        return changed;
    }

    /** Returns the group of a detection seen first in this call, its firing counted. */
    private OpenGroup open(String id, Detection d, Instant now) {
        OpenGroup group = recent.get(id);
        if (group == null) {
            group = resumed(id);
        }
        if (group == null) {
            return OpenGroup.start(id, d, now, config.maxEventIds());
        }
        group.add(d, config.maxEventIds());
        return group;
    }

    private @Nullable OpenGroup resumed(String id) {
        Optional<AlertRecord> record = stored.apply(id);
        return record.map(OpenGroup::resume).orElse(null);
    }

    /** Returns how many groups are held in memory now (at most the configured bound). */
    public synchronized int openGroups() {
        return recent.size();
    }
}
