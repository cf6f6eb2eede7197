package vn.lachan.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventIdTest {
    @Test
    void idsCarryTheirTimeAndSortByIt() {
        Random random = new Random(7);
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(EventId.next(Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000)), random));
        }
        for (EventId id : ids) {
            assertThat(EventId.parse(id.toString())).contains(id);
        }
        List<EventId> byId = ids.stream().sorted().toList();
        List<EventId> byText = ids.stream()
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
        assertThat(byText).isEqualTo(byId);
        for (int i = 1; i < byId.size(); i++) {
            assertThat(byId.get(i).time()).isAfterOrEqualTo(byId.get(i - 1).time());
        }
        assertThat(new HashSet<>(ids)).hasSize(1000);
    }

    @Test
    void theTextIsThirtyTwoLowercaseHexDigitsOfBothHalves() {
        Random random = new Random(7);
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xABCDEFL};
        for (int i = 0; i < 1000; i++) {
            long high = i < edges.length ? edges[i] : random.nextLong();
            long low = i < edges.length ? edges[edges.length - 1 - i] : random.nextLong();
            assertThat(new EventId(high, low).toString())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%016x%016x", high, low));
        }
    }

    @Test
    void parseRefusesWhatIsNotAnId() {
        assertThat(EventId.parse("xyz")).isEmpty();
        assertThat(EventId.parse("g".repeat(32))).isEmpty();
        assertThatThrownBy(() -> EventId.next(Instant.ofEpochMilli(-1), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of the id range");
    }

    @Test
    void retentionFollowsTheLevelAndNeverGoesBelowTheLegalMinimum() {
        var policy = new RetentionPolicy(
                java.util.Map.of(
                        "so-tttt/portal", new RetentionPolicy.SystemRule(SecurityLevel.LEVEL_3, null),
                        "so-tttt/mail",
                                new RetentionPolicy.SystemRule(SecurityLevel.LEVEL_2, java.time.Period.ofDays(5))),
                java.util.Map.of("ubnd", java.time.Period.ofMonths(2)),
                java.time.Period.ofMonths(12));
        assertThat(policy.ruleFor("so-tttt", "portal").period()).isEqualTo(java.time.Period.ofMonths(3));
        assertThat(policy.ruleFor("so-tttt", "mail").period()).isEqualTo(RetentionPolicy.LEGAL_MINIMUM);
        assertThat(policy.ruleFor("so-tttt", "mail").rule()).contains("legal minimum");
        assertThat(policy.ruleFor("ubnd", "any").period()).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(policy.ruleFor("other", "any").period()).isEqualTo(java.time.Period.ofMonths(12));
        assertThat(SecurityLevel.of(5).defaultRetention()).isEqualTo(java.time.Period.ofMonths(12));
    }
}
