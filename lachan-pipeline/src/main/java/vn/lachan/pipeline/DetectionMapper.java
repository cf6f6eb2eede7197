package vn.lachan.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.Detection;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.sigma.Alert;
import vn.lachan.sigma.EventRef;
import vn.lachan.sigma.rule.RuleInfo;

/**
 * Turns the engine's alerts into detections for alert grouping: rule metadata, entities and the ids of
 * the stored events behind them.
 *
 * <p>The pipeline hands the engine each event with its stored id as the event's source, so that the
 * references of a correlation name stored events directly.
 */
final class DetectionMapper {
    /** ECS entity fields an alert is grouped and shown by. */
    static final List<String> ENTITIES = List.of("host.name", "user.name", "source.ip", "destination.ip");

    /** Correlation group-by names (Sigma or ECS) that stand for an entity. */
    private static final Map<String, String> GROUP_BY_ENTITY = Map.ofEntries(
            Map.entry("host.name", "host.name"),
            Map.entry("computer", "host.name"),
            Map.entry("computername", "host.name"),
            Map.entry("hostname", "host.name"),
            Map.entry("workstationname", "host.name"),
            Map.entry("user.name", "user.name"),
            Map.entry("user", "user.name"),
            Map.entry("username", "user.name"),
            Map.entry("targetusername", "user.name"),
            Map.entry("subjectusername", "user.name"),
            Map.entry("source.ip", "source.ip"),
            Map.entry("ipaddress", "source.ip"),
            Map.entry("sourceip", "source.ip"),
            Map.entry("src_ip", "source.ip"),
            Map.entry("c-ip", "source.ip"),
            Map.entry("destination.ip", "destination.ip"),
            Map.entry("destinationip", "destination.ip"),
            Map.entry("dst_ip", "destination.ip"));

    private DetectionMapper() {}

    static Detection map(Alert alert, StoredEvent event, long position) {
        RuleInfo rule = alert.rule();
        boolean correlation = alert.kind() == Alert.Kind.CORRELATION;
        Map<String, String> entities = correlation ? groupEntities(alert.groupBy()) : entities(event.fields());
        List<String> ids = correlation
                ? alert.events().stream().map(EventRef::source).toList()
                : List.of(event.id().toString());
        Instant time = alert.time() != null ? alert.time() : event.time();
        return new Detection(
                correlation,
                ruleId(rule),
                rule.title(),
                level(rule),
                rule.tags(),
                rule.description(),
                time,
                event.organization(),
                event.system(),
                entities,
                ids,
                position);
    }

    static String ruleId(RuleInfo rule) {
        if (rule.id() != null) {
            return rule.id();
        }
        return rule.name() != null ? rule.name() : rule.title();
    }

    private static AlertLevel level(RuleInfo rule) {
        return rule.level() == null
                ? AlertLevel.MEDIUM
                : AlertLevel.parse(rule.level().name()).orElse(AlertLevel.MEDIUM);
    }

    static Map<String, String> entities(Map<String, @Nullable Object> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ENTITIES) {
            String value = Fields.text(fields, name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    private static Map<String, String> groupEntities(Map<String, String> groupBy) {
        Map<String, String> out = new LinkedHashMap<>();
        groupBy.forEach((name, value) -> {
            String entity = GROUP_BY_ENTITY.get(name.toLowerCase(Locale.ROOT));
            if (entity != null && !value.isEmpty()) {
                out.putIfAbsent(entity, value);
            }
        });
        return out;
    }
}
