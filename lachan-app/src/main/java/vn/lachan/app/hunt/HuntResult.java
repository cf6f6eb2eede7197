package vn.lachan.app.hunt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.ReadCounts;

/**
 * Holds what one hunt did.
 *
 * @param read what the event files held
 * @param rulesLoaded rules that loaded
 * @param rejected rule documents or files that could not be loaded, with the reason
 * @param detections alerts by level keyword ({@code none} for rules without a level)
 * @param correlations of those alerts, how many came from correlation rules
 * @param seconds wall-clock time of the whole run, loading the rules included
 * @param loadSeconds of that, the time spent loading and compiling the rules
 * @param exitCode the code the command ends with
 */
public record HuntResult(
        ReadCounts read,
        int rulesLoaded,
        List<Problem> rejected,
        Map<String, Long> detections,
        long correlations,
        double seconds,
        double loadSeconds,
        int exitCode) {
    public HuntResult {
        Objects.requireNonNull(read, "read");
        rejected = List.copyOf(rejected);
        detections = java.util.Collections.unmodifiableMap(new TreeMap<>(detections));
    }

    /** Returns the number of alerts of every level. */
    public long totalDetections() {
        return detections.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns the events read and matched per second, rule loading left out. */
    public double eventsPerSecond() {
        double hunting = seconds - loadSeconds;
        return hunting > 0 ? read.events() / hunting : 0;
    }
}
