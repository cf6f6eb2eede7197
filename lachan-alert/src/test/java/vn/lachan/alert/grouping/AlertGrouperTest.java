package vn.lachan.alert.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.alert.grouping.Firings.HOST_A;
import static vn.lachan.alert.grouping.Firings.T0;
import static vn.lachan.alert.grouping.Firings.at;
import static vn.lachan.alert.grouping.Firings.eventId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.Detection;

class AlertGrouperTest {
    private static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");

    private static AlertGrouper grouper(GroupingConfig config) {
        return new AlertGrouper(config, id -> Optional.empty());
    }

    @Test
    void firingsOfOneRuleOnOneEntityInOneWindowCountIntoOneAlert() {
        AlertGrouper grouper = grouper(GroupingConfig.DEFAULTS);
        AlertRecord first = grouper.add(List.of(at(T0.plusSeconds(600), eventId(1), 1)), NOW)
                .getFirst();
        List<AlertRecord> later = grouper.add(
                List.of(at(T0, eventId(2), 2), at(T0.plusSeconds(2400), eventId(3), 3)), NOW.plusSeconds(5));

        assertThat(later).hasSize(1);
        AlertRecord alert = later.getFirst();
        assertThat(alert.id()).isEqualTo(first.id()).matches("[0-9a-f]{32}");
        assertThat(alert.count()).isEqualTo(3);
        assertThat(alert.firstSeen()).isEqualTo(T0);
        assertThat(alert.lastSeen()).isEqualTo(T0.plusSeconds(2400));
        assertThat(alert.eventIds()).containsExactly(eventId(1), eventId(2), eventId(3));
        assertThat(alert.raised()).isEqualTo(NOW);
        assertThat(alert.updated()).isEqualTo(NOW.plusSeconds(5));
        assertThat(alert.entities()).isEqualTo(HOST_A);
        assertThat(alert.ruleId()).isEqualTo("rule-1");
    }

    @Test
    void theWindowBoundaryStartsANewAlert() {
        AlertGrouper grouper = grouper(GroupingConfig.DEFAULTS);
        Instant hour = Instant.parse("2025-03-14T11:00:00Z");
        List<AlertRecord> alerts = grouper.add(
                List.of(
                        at(hour.minusMillis(1), eventId(1), 1),
                        at(hour, eventId(2), 2),
                        at(hour.plusSeconds(3599), eventId(3), 3),
                        at(hour.plusSeconds(3600), eventId(4), 4)),
                NOW);

        assertThat(alerts).extracting(AlertRecord::count).containsExactly(1L, 2L, 1L);
        assertThat(alerts).extracting(AlertRecord::id).doesNotHaveDuplicates();
        assertThat(alerts.get(1).firstSeen()).isEqualTo(hour);
        assertThat(alerts.get(1).lastSeen()).isEqualTo(hour.plusSeconds(3599));
    }

    @Test
    void aShorterWindowSplitsWhatTheDefaultKeepsTogether() {
        List<Detection> firings = List.of(at(T0, eventId(1), 1), at(T0.plusSeconds(400), eventId(2), 2));
        GroupingConfig fiveMinutes = new GroupingConfig(Duration.ofMinutes(5), 20, 100);

        assertThat(grouper(GroupingConfig.DEFAULTS).add(firings, NOW)).hasSize(1);
        assertThat(grouper(fiveMinutes).add(firings, NOW)).hasSize(2);
    }

    @Test
    void otherEntitiesRulesOrganizationsAndSystemsMakeOtherAlerts() {
        Detection base = at(T0, eventId(1), 1);
        List<Detection> firings = List.of(
                base,
                Firings.of("rule-1", Map.of("host.name", "ws-b", "user.name", "an"), T0, List.of(), 2),
                Firings.of("rule-1", Map.of("host.name", "ws-a"), T0, List.of(), 3),
                Firings.of("rule-2", HOST_A, T0, List.of(), 4),
                Firings.elsewhere(base, "so-gddt", "portal"),
                Firings.elsewhere(base, "so-tttt", "mail"));

        List<AlertRecord> alerts = grouper(GroupingConfig.DEFAULTS).add(firings, NOW);

        assertThat(alerts).hasSize(6).allSatisfy(a -> assertThat(a.count()).isEqualTo(1));
        assertThat(alerts).extracting(AlertRecord::id).doesNotHaveDuplicates();
    }

    @Test
    void eachCallReturnsEveryTouchedGroupOnceInItsLatestState() {
        AlertGrouper grouper = grouper(GroupingConfig.DEFAULTS);
        Detection other = Firings.of("rule-2", HOST_A, T0, List.of(eventId(9)), 2);
        List<AlertRecord> alerts =
                grouper.add(List.of(at(T0, eventId(1), 1), other, at(T0.plusSeconds(1), eventId(2), 3)), NOW);

        assertThat(alerts).extracting(AlertRecord::ruleId).containsExactly("rule-1", "rule-2");
        assertThat(alerts).extracting(AlertRecord::count).containsExactly(2L, 1L);
        assertThat(grouper.add(List.of(), NOW)).isEmpty();
    }

    @Test
    void anAlertKeepsOnlyTheFirstEventIdsUpToTheCapButCountsEveryFiring() {
        AlertGrouper grouper = grouper(new GroupingConfig(Duration.ofHours(1), 5, 100));
        List<Detection> firings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firings.add(Firings.of("rule-1", HOST_A, T0, List.of(eventId(i), eventId(i + 1)), i));
        }
        AlertRecord alert = grouper.add(firings, NOW).getFirst();

        assertThat(alert.count()).isEqualTo(10);
        assertThat(alert.eventIds()).containsExactly(eventId(0), eventId(1), eventId(2), eventId(3), eventId(4));
    }

    @Test
    void theRuleTextFollowsTheLatestFiring() {
        AlertGrouper grouper = grouper(GroupingConfig.DEFAULTS);
        grouper.add(List.of(at(T0, eventId(1), 1)), NOW);
        Detection edited = Firings.retitled(at(T0.plusSeconds(5), eventId(2), 2), "Renamed", AlertLevel.CRITICAL);
        AlertRecord alert = grouper.add(List.of(edited), NOW).getFirst();

        assertThat(alert.title()).isEqualTo("Renamed");
        assertThat(alert.level()).isEqualTo(AlertLevel.CRITICAL);
        assertThat(alert.count()).isEqualTo(2);
    }

    @Test
    void correlationFiringsAreGroupedTheSameWay() {
        Detection d = at(T0, eventId(1), 1);
        Detection correlation = new Detection(
                true,
                "corr-1",
                "Brute force",
                AlertLevel.HIGH,
                List.of(),
                "",
                T0,
                d.organization(),
                d.system(),
                HOST_A,
                List.of(eventId(1), eventId(2)),
                7);
        Detection again = new Detection(
                true,
                "corr-1",
                "Brute force",
                AlertLevel.HIGH,
                List.of(),
                "",
                T0.plusSeconds(60),
                d.organization(),
                d.system(),
                HOST_A,
                List.of(eventId(3)),
                9);

        List<AlertRecord> alerts = grouper(GroupingConfig.DEFAULTS).add(List.of(correlation, again), NOW);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.correlation()).isTrue();
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.eventIds()).containsExactly(eventId(1), eventId(2), eventId(3));
        });
    }

    @Test
    void firingsAlreadyCountedBeforeACrashAreSkippedOnReplay() {
        AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, id -> Optional.empty(), 5);
        List<AlertRecord> alerts =
                grouper.add(List.of(at(T0, eventId(4), 4), at(T0, eventId(5), 5), at(T0, eventId(6), 6)), NOW);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.eventIds()).containsExactly(eventId(5), eventId(6));
        });
    }
}
