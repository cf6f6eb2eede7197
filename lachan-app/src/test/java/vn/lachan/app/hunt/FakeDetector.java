package vn.lachan.app.hunt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.Alert;
import vn.lachan.sigma.EventRef;
import vn.lachan.sigma.rule.Level;
import vn.lachan.sigma.rule.Origin;
import vn.lachan.sigma.rule.RuleInfo;

/**
 * Fires a detection of level {@code alert} on every event that has that field, and a correlation
 * when two such events share a {@code host}: enough to test the hunt without the Sigma engine.
 */
final class FakeDetector implements Detector {
    private final Map<String, List<EventRef>> byHost = new HashMap<>();

    @Override
    public int rulesLoaded() {
        return 2;
    }

    @Override
    public List<Problem> rejected() {
        return List.of(new Problem("rules/bad.yml", "line 3, column 5", "unknown modifier 'contans'"));
    }

    @Override
    public List<Problem> warnings() {
        return List.of();
    }

    @Override
    public void process(SourcedEvent event, Consumer<Alert> alerts) {
        if (!(event.fields().get("alert") instanceof String level)) {
            return;
        }
        Instant time = event.fields().get("@timestamp") instanceof String text ? Instant.parse(text) : null;
        EventRef ref = new EventRef(event.source(), event.index(), time);
        alerts.accept(new Alert(
                Alert.Kind.DETECTION,
                rule("Fake " + level, Level.parse(level).orElseThrow()),
                time,
                List.of(ref),
                1,
                Map.of(),
                null,
                null));
        String host = String.valueOf(event.fields().get("host"));
        List<EventRef> group;
        synchronized (byHost) {
            group = byHost.computeIfAbsent(host, h -> new ArrayList<>());
            group.add(ref);
            if (group.size() != 2) {
                return;
            }
            group = List.copyOf(group);
        }
        alerts.accept(new Alert(
                Alert.Kind.CORRELATION,
                rule("Fake pair", Level.HIGH),
                time,
                group,
                2,
                Map.of("host", host),
                2.0,
                group.getFirst().time()));
    }

    @Override
    public void finish(Consumer<Alert> alerts) {}

    private static RuleInfo rule(String title, Level level) {
        return new RuleInfo(
                title,
                "00000000-0000-4000-8000-00000000000" + level.ordinal(),
                null,
                "test",
                level,
                List.of("attack.t1059"),
                "",
                "",
                List.of(),
                List.of(),
                new Origin("rules/fake.yml", 1));
    }
}
