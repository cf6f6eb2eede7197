package vn.lachan.alert.grouping;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures alert grouping.
 *
 * @param window how long a group stays open, in whole seconds: firings of one rule on one entity whose
 *     event times fall in the same window count into one alert
 * @param maxEventIds how many event ids an alert keeps at most (the first ones)
 * @param maxOpenGroups how many groups stay in memory; older ones are read back from the store
 */
public record GroupingConfig(Duration window, int maxEventIds, int maxOpenGroups) {
    /** Groups by the hour, keeps 20 event ids, holds 100,000 open groups. */
    public static final GroupingConfig DEFAULTS = new GroupingConfig(Duration.ofHours(1), 20, 100_000);

    public GroupingConfig {
        Objects.requireNonNull(window, "window");
        if (window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException(
                    "the grouping window must be a whole number of seconds >= 1, was " + window);
        }
        if (maxEventIds < 1) {
            throw new IllegalArgumentException("an alert keeps at least one event id, was " + maxEventIds);
        }
        if (maxOpenGroups < 1) {
            throw new IllegalArgumentException("at least one group stays open, was " + maxOpenGroups);
        }
    }
}
