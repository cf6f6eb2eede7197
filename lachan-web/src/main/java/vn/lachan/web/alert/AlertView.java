package vn.lachan.web.alert;

import java.util.List;
import java.util.Map;
import vn.lachan.core.alert.AlertRecord;

/** Shows one alert on the wire (snake_case names, ISO-8601 times, lowercase level). */
record AlertView(
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
    static AlertView of(AlertRecord a) {
        return new AlertView(
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
}
