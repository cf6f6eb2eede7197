package vn.lachan.alert.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;

/**
 * Shapes an alert as the index stores it (JSON): times as ISO-8601 text, the level by its wire name,
 * and a format version so that a later layout can still read this one.
 */
record StoredAlert(
        int v,
        String id,
        boolean correlation,
        String ruleId,
        String title,
        String level,
        List<String> tags,
        String description,
        String organization,
        String system,
        Map<String, String> entities,
        String firstSeen,
        String lastSeen,
        long count,
        List<String> eventIds,
        String raised,
        String updated) {
    static final int VERSION = 1;

    static StoredAlert of(AlertRecord a) {
        return new StoredAlert(
                VERSION,
                a.id(),
                a.correlation(),
                a.ruleId(),
                a.title(),
                a.level().wire(),
                a.tags(),
                a.description(),
                a.organization(),
                a.system(),
                a.entities(),
                a.firstSeen().toString(),
                a.lastSeen().toString(),
                a.count(),
                a.eventIds(),
                a.raised().toString(),
                a.updated().toString());
    }

    AlertRecord toRecord() {
        if (v != VERSION) {
            throw new IllegalStateException(
                    "alert " + id + " is stored in format " + v + ", this version reads " + VERSION);
        }
        AlertLevel parsed = AlertLevel.parse(level)
                .orElseThrow(() -> new IllegalStateException("alert " + id + " has an unknown level '" + level + "'"));
        return new AlertRecord(
                id,
                correlation,
                ruleId,
                title,
                parsed,
                tags,
                description,
                organization,
                system,
                entities,
                Instant.parse(firstSeen),
                Instant.parse(lastSeen),
                count,
                eventIds,
                Instant.parse(raised),
                Instant.parse(updated));
    }
}
