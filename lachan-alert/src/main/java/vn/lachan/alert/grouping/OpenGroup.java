package vn.lachan.alert.grouping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.Detection;

/**
 * Holds the running state of one group; the rule's title, level, tags and description follow its
 * latest firing, so that an edited rule shows its new text. Confined to the grouper's lock.
 */
final class OpenGroup {
    private final String id;
    private final boolean correlation;
    private final String ruleId;
    private final String organization;
    private final String system;
    private final Map<String, String> entities;
    private final Instant raised;
    private final ArrayList<String> eventIds;
    private String title;
    private AlertLevel level;
    private List<String> tags;
    private String description;
    private long count;
    private Instant firstSeen;
    private Instant lastSeen;

    private OpenGroup(AlertRecord r) {
        this.id = r.id();
        this.correlation = r.correlation();
        this.ruleId = r.ruleId();
        this.organization = r.organization();
        this.system = r.system();
        this.entities = r.entities();
        this.raised = r.raised();
        this.eventIds = new ArrayList<>(r.eventIds());
        this.title = r.title();
        this.level = r.level();
        this.tags = r.tags();
        this.description = r.description();
        this.count = r.count();
        this.firstSeen = r.firstSeen();
        this.lastSeen = r.lastSeen();
    }

    /** Starts a group at its first firing, raised now. */
    static OpenGroup start(String id, Detection d, Instant now, int maxEventIds) {
        AlertRecord first = new AlertRecord(
                id,
                d.correlation(),
                d.ruleId(),
                d.title(),
                d.level(),
                d.tags(),
                d.description(),
                d.organization(),
                d.system(),
                d.entities(),
                d.time(),
                d.time(),
                1,
                List.of(),
                now,
                now);
        OpenGroup group = new OpenGroup(first);
        group.keep(d.eventIds(), maxEventIds);
        return group;
    }

    /** Continues a group from its stored state. */
    static OpenGroup resume(AlertRecord stored) {
        return new OpenGroup(stored);
    }

    /** Counts one more firing into the group. */
    void add(Detection d, int maxEventIds) {
        count++;
        if (d.time().isBefore(firstSeen)) {
            firstSeen = d.time();
        }
        if (d.time().isAfter(lastSeen)) {
            lastSeen = d.time();
        }
        title = d.title();
        level = d.level();
        tags = d.tags();
        description = d.description();
        keep(d.eventIds(), maxEventIds);
    }

    private void keep(List<String> ids, int maxEventIds) {
        for (String eventId : ids) {
            if (eventIds.size() >= maxEventIds) {
                return;
            }
            if (!eventIds.contains(eventId)) {
                eventIds.add(eventId);
            }
        }
    }

    String id() {
        return id;
    }

    /** Returns the group's current state as an alert, updated now. */
    AlertRecord toRecord(Instant now) {
        return new AlertRecord(
                id,
                correlation,
                ruleId,
                title,
                level,
                tags,
                description,
                organization,
                system,
                entities,
                firstSeen,
                lastSeen,
                count,
                eventIds,
                raised,
                now);
    }
}
