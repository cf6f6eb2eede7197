package vn.lachan.sigma.correlate;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds one group's matches for one correlation: a sliding window of event time ending at the
 * newest match, kept sorted by time so that matches arriving slightly out of order take their place.
 */
final class GroupWindow {
    final Node node;
    final List<String> key;
    final List<Entry> entries = new ArrayList<>();
    long newest = Long.MIN_VALUE;
    /** After an alert, the time of its newest match: older matches belong to the fired window. */
    long floor = Long.MIN_VALUE;

    GroupWindow(Node node, List<String> key) {
        this.node = node;
        this.key = List.copyOf(key);
    }

    /**
     * One match in the window.
     *
     * @param time event time in microseconds since the epoch
     * @param since the oldest event time behind the match: {@code time} for an event, the window
     *     start for an inner correlation's alert
     * @param position the matched rule's position in the correlation's rules
     * @param distinct the value_count value (fields joined), null when a field is missing
     * @param number the numeric value for sum/avg/percentile, NaN when absent or not a number
     * @param refs the events behind the match (one event, or an inner correlation's events)
     * @param refCount how many events are behind the match in all
     */
    record Entry(
            long time,
            long since,
            int position,
            @Nullable String distinct,
            double number,
            List<MatchRef> refs,
            long refCount) {}

    /**
     * Adds the match unless it is older than the window (or than the last alert); returns whether it
     * was added.
     */
    boolean add(Entry entry, int maxEntries) {
        long horizon = Math.max(floor, newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - node.timespanMicros);
        if (entry.time() < horizon) {
            return false;
        }
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).time() > entry.time()) {
            at--;
        }
        entries.add(at, entry);
        if (entry.time() > newest) {
            newest = entry.time();
            prune();
        }
        if (entries.size() > maxEntries) {
            entries.remove(0);
        }
        return true;
    }

    private void prune() {
        long start = newest - node.timespanMicros;
        int drop = 0;
        while (drop < entries.size() && entries.get(drop).time() < start) {
            drop++;
        }
        entries.subList(0, drop).clear();
    }

    /** Empties the window after an alert, so that one burst gives one alert. */
    void reset() {
        entries.clear();
        floor = newest;
    }

    /** Returns whether the group holds nothing that event time {@code clock} could still need. */
    boolean expired(long clock, long latenessMicros) {
        return newest < clock - node.timespanMicros - latenessMicros;
    }
}
