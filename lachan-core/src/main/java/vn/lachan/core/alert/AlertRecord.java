package vn.lachan.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds one stored alert: the firings of one rule on one entity inside a grouping window, counted.
 *
 * @param id 32 lowercase hexadecimal digits, the same for the same group whenever it is computed
 * @param correlation whether a correlation rule raised it
 * @param ruleId the rule's id
 * @param title the rule's title
 * @param level the rule's level
 * @param tags the rule's tags (ATT&CK tactics and techniques among them)
 * @param description the rule's description, empty when none
 * @param organization the organization the events belong to
 * @param system the information system they came from
 * @param entities the entities the group is about, by ECS name (see {@link Detection#entities()})
 * @param firstSeen the event time of the group's first firing
 * @param lastSeen the event time of its latest firing
 * @param count how many firings the group holds (≥ 1)
 * @param eventIds the first events behind the group, at most a configured number
 * @param raised when the pipeline raised the alert (wall clock), for receipt-to-alert latency
 * @param updated when the pipeline last changed it (wall clock)
 */
public record AlertRecord(
        String id,
        boolean correlation,
        String ruleId,
        String title,
        AlertLevel level,
        List<String> tags,
        String description,
        String organization,
        String system,
        Map<String, String> entities,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        List<String> eventIds,
        Instant raised,
        Instant updated) {
    public AlertRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        tags = List.copyOf(tags);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(system, "system");
        entities = Map.copyOf(entities);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(updated, "updated");
        if (count < 1) {
            throw new IllegalArgumentException("an alert counts at least one firing, was " + count);
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("alert " + id + " last seen " + lastSeen + " before " + firstSeen);
        }
    }
}
