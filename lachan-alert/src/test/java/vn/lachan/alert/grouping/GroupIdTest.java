package vn.lachan.alert.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.alert.grouping.Firings.HOST_A;
import static vn.lachan.alert.grouping.Firings.T0;
import static vn.lachan.alert.grouping.Firings.at;
import static vn.lachan.alert.grouping.Firings.eventId;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.Detection;

class GroupIdTest {
    private static String id(Detection d) {
        return new GroupKey(3600).id(d);
    }

    @Test
    void theSameFiringGetsTheSameIdFromAnyGrouper() {
        Detection d = at(T0, eventId(1), 1);
        String first = new AlertGrouper(GroupingConfig.DEFAULTS, x -> Optional.empty())
                .add(List.of(d), T0)
                .getFirst()
                .id();
        String second = new AlertGrouper(GroupingConfig.DEFAULTS, x -> Optional.empty())
                .add(List.of(d), T0.plusSeconds(99))
                .getFirst()
                .id();

        assertThat(first).isEqualTo(second).isEqualTo(id(d)).matches("[0-9a-f]{32}");
    }

    @Test
    void whatIsNotInTheKeyDoesNotChangeTheId() {
        Detection d = at(T0, eventId(1), 1);
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("user.name", "an");
        reordered.put("host.name", "ws-a");

        assertThat(id(Firings.retitled(d, "Other title", AlertLevel.LOW))).isEqualTo(id(d));
        assertThat(id(at(T0.plusSeconds(1000), eventId(7), 99))).isEqualTo(id(d));
        assertThat(id(Firings.of("rule-1", reordered, T0, List.of(), 3))).isEqualTo(id(d));
    }

    @Test
    void hostAndAccountNamesSpelledInAnotherCaseAreTheSameEntity() {
        Detection lower = Firings.of("rule-1", Map.of("host.name", "ws-a", "user.name", "corp\\an"), T0, List.of(), 1);
        Detection upper = Firings.of("rule-1", Map.of("host.name", "WS-A", "user.name", "CORP\\An"), T0, List.of(), 2);
        Detection other = Firings.of("rule-1", Map.of("host.name", "WS-B", "user.name", "CORP\\An"), T0, List.of(), 3);

        assertThat(id(upper)).isEqualTo(id(lower)).isNotEqualTo(id(other));
    }

    @Test
    void everyPartOfTheKeyChangesTheId() {
        Detection d = at(T0, eventId(1), 1);

        assertThat(List.of(
                        id(d),
                        id(Firings.of("rule-2", HOST_A, T0, List.of(), 1)),
                        id(Firings.elsewhere(d, "so-x", d.system())),
                        id(Firings.elsewhere(d, d.organization(), "sys-x")),
                        id(Firings.of("rule-1", Map.of("host.name", "ws-a"), T0, List.of(), 1)),
                        id(at(T0.plusSeconds(3600), eventId(1), 1)),
                        new GroupKey(1800).id(d)))
                .doesNotHaveDuplicates();
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        Detection ab = Firings.of("rule-1", Map.of("host.name", "ab"), T0, List.of(), 1);
        Detection a = Firings.of("rule-1", Map.of("host.nam", "eab"), T0, List.of(), 1);

        assertThat(id(ab)).isNotEqualTo(id(a));
        assertThat(id(Firings.elsewhere(ab, "x", "yz"))).isNotEqualTo(id(Firings.elsewhere(ab, "xy", "z")));
    }

    @Test
    void eventTimesBeforeTheEpochFallInTheirOwnWindow() {
        Detection before = at(java.time.Instant.parse("1969-12-31T23:59:59Z"), eventId(1), 1);
        Detection after = at(java.time.Instant.EPOCH, eventId(1), 1);

        assertThat(id(before)).isNotEqualTo(id(after));
    }

    @Test
    void aConfigThatCannotWorkIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new GroupingConfig(Duration.ZERO, 20, 10)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new GroupingConfig(Duration.ofMillis(1500), 20, 10))
                .hasMessageContaining("PT1.5S");
        assertThatThrownBy(() -> new GroupingConfig(Duration.ofHours(1), 0, 10)).hasMessageContaining("0");
        assertThatThrownBy(() -> new GroupingConfig(Duration.ofHours(1), 20, -1))
                .hasMessageContaining("-1");
    }
}
