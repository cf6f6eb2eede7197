package vn.lachan.alert.grouping;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.Detection;

/** Builds detections for the grouping tests: one rule on one host unless told otherwise. */
final class Firings {
    static final Instant T0 = Instant.parse("2025-03-14T10:05:00Z");
    static final Map<String, String> HOST_A = Map.of("host.name", "ws-a", "user.name", "an");

    private Firings() {}

    static Detection at(Instant time, String eventId, long position) {
        return of("rule-1", HOST_A, time, List.of(eventId), position);
    }

    static Detection of(
            String ruleId, Map<String, String> entities, Instant time, List<String> eventIds, long position) {
        return new Detection(
                false,
                ruleId,
                "Suspicious PowerShell",
                AlertLevel.HIGH,
                List.of("attack.execution", "attack.t1059.001"),
                "Detects a suspicious command line",
                time,
                "so-tttt",
                "portal",
                entities,
                eventIds,
                position);
    }

    static Detection retitled(Detection d, String title, AlertLevel level) {
        return new Detection(
                d.correlation(),
                d.ruleId(),
                title,
                level,
                d.tags(),
                d.description(),
                d.time(),
                d.organization(),
                d.system(),
                d.entities(),
                d.eventIds(),
                d.position());
    }

    static Detection elsewhere(Detection d, String organization, String system) {
        return new Detection(
                d.correlation(),
                d.ruleId(),
                d.title(),
                d.level(),
                d.tags(),
                d.description(),
                d.time(),
                organization,
                system,
                d.entities(),
                d.eventIds(),
                d.position());
    }

    static String eventId(int n) {
        return String.format(java.util.Locale.ROOT, "%032x", n);
    }
}
