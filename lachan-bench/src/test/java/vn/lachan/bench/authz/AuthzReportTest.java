package vn.lachan.bench.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Judges the 5 % target per denominator from loop figures, leaving the cold-token loops out. */
class AuthzReportTest {
    static CallFigures loop(String mode, String call, long[] clientNanos, double serverMicros, double gateMicros) {
        CallLoop.Outcome outcome = new CallLoop.Outcome(clientNanos, 0, null, 1_000_000_000L);
        TimerTotals.Totals server = new TimerTotals.Totals(clientNanos.length, clientNanos.length * serverMicros / 1e6);
        TimerTotals.Totals gate = new TimerTotals.Totals(clientNanos.length, clientNanos.length * gateMicros / 1e6);
        long cpuNanos = Math.round(clientNanos.length * serverMicros * 2 * 1e3);
        return CallFigures.of(
                "officer",
                mode,
                new Calls.Call(call, "GET " + call, call, null, null),
                outcome,
                server,
                gate,
                cpuNanos,
                -1);
    }

    @Test
    void figuresComeFromTheLoopAndTheTimersOverIt() {
        CallFigures f = loop("sequential", "/a", new long[] {100_000, 200_000, 300_000, 400_000}, 50, 2);

        assertThat(f.calls()).isEqualTo(4);
        assertThat(f.clientMeanMicros()).isEqualTo(250);
        assertThat(f.clientP50Micros()).isEqualTo(200);
        assertThat(f.clientP99Micros()).isEqualTo(400);
        assertThat(f.serverMeanMicros()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.serverCpuMicros()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.gateShareOfClient()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.gateShareOfServer()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.gateShareOfServerCpu()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theVerdictNamesTheWorstWarmLoopPerDenominatorAndLeavesColdTokensOut() {
        List<CallFigures> figures = List.of(
                loop("sequential", "/a", new long[] {100_000}, 50, 1),
                loop("sequential", "/me", new long[] {100_000}, 10, 0.9),
                loop("cold-token", "/me", new long[] {100_000}, 10, 9));

        String verdict = AuthzReport.judge(figures);

        assertThat(verdict.lines().toList())
                .containsExactly(
                        "met: the gate is at most 1.00 % of the client round trip (target < 5 %), on officer sequential"
                                + " /a",
                        "met: the gate is at most 4.50 % of the server's CPU per call (target < 5 %), on officer"
                                + " sequential /me",
                        "NOT met: the gate is at most 9.00 % of the server's request timer (target < 5 %), on officer"
                                + " sequential /me");
    }
}
