package vn.lachan.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;

/** Runs the correlation specification's own examples through the real parser, matcher and engine. */
class SpecExamplesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SpecExamplesTest.class.getResource("correlation/" + name))
                .toURI());
    }

    private static SourcedEvent security(long index, long seconds, int eventId, String user) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.putAll(Map.of(
                "Channel",
                "Security",
                "EventID",
                (long) eventId,
                "User",
                user,
                "@timestamp",
                T0.plusSeconds(seconds).toString()));
        return new SourcedEvent("security.jsonl", index, fields);
    }

    @Test
    void tenFailedLoginsThenASuccessOfTheSameUserFireTheOuterCorrelationOnly() throws Exception {
        SigmaEngine engine = SigmaEngine.load(
                List.of(resource("spec_failed_logins_then_success.yml")),
                LogSourceMap.bundled(),
                EngineOptions.defaults());
        assertThat(engine.problems()).isEmpty();
        assertThat(engine.rulesLoaded()).isEqualTo(4);
        List<Alert> alerts = new ArrayList<>();
        long index = 0;
        engine.process(security(index++, 0, 4624, "an"), alerts::add); // success before the failures
        for (int i = 0; i < 10; i++) {
            engine.process(security(index++, 10 + i * 20, 4625, "an"), alerts::add);
            engine.process(security(index++, 11 + i * 20, 529, "binh"), alerts::add);
        }
        engine.process(security(index++, 300, 4624, "binh"), alerts::add);
        assertThat(alerts).hasSize(1);

        engine.process(security(index, 400, 4624, "an"), alerts::add);
        assertThat(alerts).hasSize(2);

        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.CORRELATION);
            assertThat(a.rule().id()).isEqualTo("b180ead8-d58f-40b2-ae54-c8940995b9b6");
            assertThat(a.totalEvents()).isEqualTo(11);
        });
        assertThat(alerts.get(0).groupBy()).containsExactly(Map.entry("User", "binh"));
        assertThat(alerts.get(1).groupBy()).containsExactly(Map.entry("User", "an"));
        assertThat(alerts.get(1).windowStart()).isEqualTo(T0.plusSeconds(10));
        assertThat(alerts.get(1).time()).isEqualTo(T0.plusSeconds(400));
        assertThat(engine.stats().detections()).isEqualTo(23);
        assertThat(engine.stats().detectionAlerts()).isZero();
    }

    @Test
    void failuresSpreadBeyondTheTimespanDoNotFire() throws Exception {
        SigmaEngine engine = SigmaEngine.load(
                List.of(resource("spec_failed_logins_then_success.yml")),
                LogSourceMap.bundled(),
                EngineOptions.defaults());
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            engine.process(security(i, i * 70L, 4625, "an"), alerts::add); // 10 failures over 10.5 minutes
        }
        engine.process(security(10, 700, 4624, "an"), alerts::add);

        assertThat(alerts).isEmpty();
    }
}
