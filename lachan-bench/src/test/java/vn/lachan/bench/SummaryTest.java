package vn.lachan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void takesMediansOfRatesAndOfPerRoundRatios() {
        List<PhaseResult> passes = List.of(
                pass(Phase.PARSE_ONLY, 1, 1_000, 0),
                pass(Phase.WITH_RULES, 1, 4_000, 7),
                pass(Phase.WITH_RULES, 2, 2_000, 7),
                pass(Phase.PARSE_ONLY, 2, 1_000, 0),
                pass(Phase.PARSE_ONLY, 3, 2_000, 0),
                pass(Phase.WITH_RULES, 3, 3_000, 7));

        Summary summary = Summary.of(passes);

        assertThat(summary.parseOnlyRate()).isCloseTo(1e8, within(1e-3)); // 100 events in 1 µs
        assertThat(summary.withRulesRate()).isCloseTo(1e8 / 3, within(1e-3));
        assertThat(summary.ratio()).isCloseTo(0.5, within(1e-9)); // rounds: 0.25, 0.5, 0.667
        assertThat(summary.nsPerEventForRules()).isCloseTo(10, within(1e-9)); // 30, 10, 10 ns
        assertThat(summary.alerts()).isEqualTo(7);
        assertThat(summary.consistent()).isTrue();
    }

    @Test
    void flagsPassesThatSawDifferentAlerts() {
        Summary summary = Summary.of(List.of(
                pass(Phase.PARSE_ONLY, 1, 1_000, 0),
                pass(Phase.WITH_RULES, 1, 2_000, 7),
                pass(Phase.PARSE_ONLY, 2, 1_000, 0),
                pass(Phase.WITH_RULES, 2, 2_000, 8)));

        assertThat(summary.consistent()).isFalse();
    }

    @Test
    void parsesOptionsAndRejectsBadOnes() {
        HarnessOptions options = HarnessOptions.parse(List.of("--rounds", "5", "--limit", "50_000", "dir"));

        assertThat(options.rounds()).isEqualTo(5);
        assertThat(options.limit()).isEqualTo(50_000);
        assertThat(String.valueOf(options.events())).isEqualTo("dir");
        assertThatThrownBy(() -> HarnessOptions.parse(List.of("--rounds", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rounds needs a whole number");
        assertThatThrownBy(() -> HarnessOptions.parse(List.of("--rounds", "0"))).hasMessageContaining("--rounds >= 1");
    }

    private static PhaseResult pass(Phase phase, int round, long nanos, long alerts) {
        return new PhaseResult(phase, round, 100, nanos, alerts, 0, 0, 0.5, 0.5);
    }
}
