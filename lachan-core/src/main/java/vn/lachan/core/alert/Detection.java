package vn.lachan.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reports one firing of a rule, as detection hands it to alert grouping: no engine type, only what the
 * alert will show.
 *
 * @param correlation whether a correlation rule fired (over a group of events) rather than a detection
 *     rule on one event
 * @param ruleId the rule's id (its UUID, else its name, else its title)
 * @param title the rule's title
 * @param level the rule's level ({@link AlertLevel#MEDIUM} when the rule gives none)
 * @param tags the rule's tags, such as {@code attack.t1059.001}
 * @param description the rule's description, empty when none
 * @param time the event time that fired the rule (for a correlation, the newest event's)
 * @param organization the organization the event belongs to (đơn vị)
 * @param system the information system it came from (hệ thống thông tin)
 * @param entities who and what is involved, by ECS name: {@code host.name}, {@code user.name}, {@code
 *     source.ip}, {@code destination.ip}; absent keys are unknown
 * @param eventIds the stored events behind the firing (32 hexadecimal digits each), at most a handful
 * @param position the journal position of the event that fired the rule (≥ 0), which makes the
 *     firing's identity repeatable when the pipeline replays the journal after a crash
 */
public record Detection(
        boolean correlation,
        String ruleId,
        String title,
        AlertLevel level,
        List<String> tags,
        String description,
        Instant time,
        String organization,
        String system,
        Map<String, String> entities,
        List<String> eventIds,
        long position) {
    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        tags = List.copyOf(tags);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(system, "system");
        entities = Map.copyOf(entities);
        eventIds = List.copyOf(eventIds);
        if (position < 0) {
            throw new IllegalArgumentException("a journal position is >= 0, was " + position);
        }
    }
}
