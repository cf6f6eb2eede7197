package vn.lachan.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {
    private static PhaseReport phase(String name, double rate, double storedRate, long lost, double p99Ms, long heap) {
        Latencies l = new Latencies(50, p99Ms / 2, p99Ms, p99Ms * 1.5);
        return new PhaseReport(
                name,
                rate,
                new PhaseReport.Sending(60, 1_000_000, 999_000, 16_650, 1_000, 3, 3.0, 0, 0, 1_000, 12.5, ""),
                new PhaseReport.Store(999_000 - lost, lost, lost == 0, 4.5, storedRate, storedRate, storedRate, 0),
                new PhaseReport.Latency(50, 50, l, l, l, 0.25, 0.5, 120, 0.1, 0.4, 130, 0, List.of(l, l), l),
                new PhaseReport.Server(
                        heap, heap / 2, 40, 1, 2_500, 1L << 30, 4L << 30, 0, 100, 0, "", heap / 3, 250.0, 90.0, 9.0,
                        60.0),
                0.5,
                1.5);
    }

    @Test
    void targetsAreJudgedFromThePhases() {
        List<PhaseReport> phases = List.of(
                phase("sustained", 50_000, 51_000, 0, 900, 1_500),
                phase("capacity", 0, 20_000, 0, 5_000, 1_700),
                phase("latency", 10_000, 10_000, 0, 800, 1_200),
                phase("burst", 200_000, 20_000, 2, 60_000, 1_900));
        List<E2eReport.Verdict> verdicts = E2eReport.judge(phases, 20_000);
        assertThat(verdicts).extracting(E2eReport.Verdict::verdict).containsExactly("met", "met", "missed", "met");
        assertThat(verdicts.get(1).measured()).contains("p99 800 ms").contains("10,000 events/s");
        assertThat(verdicts.get(2).measured()).contains("lost 2");
        assertThat(verdicts.get(3).measured()).contains("heap peak 1,900 MiB");
    }

    @Test
    void aSlowSustainedRunOrALateHalfLoadRunMisses() {
        List<PhaseReport> phases = List.of(
                phase("sustained", 50_000, 7_000, 0, 900, 1_500), phase("latency", 3_500, 3_500, 0, 1_200, 900));
        List<E2eReport.Verdict> verdicts = E2eReport.judge(phases, 7_000);
        assertThat(verdicts)
                .extracting(E2eReport.Verdict::verdict)
                .containsExactly("missed", "missed", "not run", "met");
        assertThat(E2eReport.judge(List.of(), 0))
                .extracting(E2eReport.Verdict::verdict)
                .containsOnly("not run");
    }

    @Test
    void summaryAndJsonCarryTheFigures(@TempDir Path dir) {
        List<PhaseReport> phases = List.of(phase("latency", 10_000, 10_000, 0, 800, 1_200));
        E2eReport report = new E2eReport(
                "--only latency",
                "abc123",
                "test CPU, 2 cores",
                "2026-11-24T00:00:00Z",
                20_000,
                phases,
                E2eReport.judge(phases, 20_000));
        String text = ReportText.write(report);
        assertThat(text)
                .contains("commit abc123")
                .contains("latency at 10,000 events/s")
                .contains("999,000 acknowledged")
                .contains("lost 0; drained")
                .contains("p99 800 ms")
                .contains("p99 <= 0.500 s")
                .contains("met      p99 receipt -> alert")
                .contains("cpu       server 90.0 s = 90.1 us per stored event (1.50 cores over 60.0 s);"
                        + " harness 9.0 s = 9.0 us per acknowledged event (0.15 cores)");
        Path file = dir.resolve("out/e2e.json");
        WorkFiles.writeJson(report, file);
        JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
        assertThat(json.path("commit").asString()).isEqualTo("abc123");
        JsonNode p = json.path("phases").get(0);
        assertThat(p.path("sending").path("acknowledged").asLong()).isEqualTo(999_000);
        assertThat(p.path("store").path("lost").asLong()).isZero();
        assertThat(p.path("latency").path("dueToAlert").path("p99Ms").asDouble())
                .isEqualTo(800.0);
        assertThat(json.path("targets").get(1).path("verdict").asString()).isEqualTo("met");
        assertThat(p.path("server").path("cpuSeconds").asDouble()).isEqualTo(90.0);
    }

    @Test
    void optionsParseAndRejectWithTheUsage() {
        E2eOptions o = E2eOptions.parse(List.of(
                "--rate",
                "30000",
                "--duration",
                "1.5",
                "--burst",
                "--latency-rate",
                "1000",
                "--only",
                "latency,burst"));
        assertThat(o.rate()).isEqualTo(30_000);
        assertThat(o.duration().toMillis()).isEqualTo(1_500);
        assertThat(o.phases()).containsExactly(E2eOptions.PhaseKind.LATENCY, E2eOptions.PhaseKind.BURST);
        assertThat(o.latencyRatesFor(8_000)).containsExactly(1_000.0);
        assertThat(E2eOptions.defaults().latencyRatesFor(8_000)).containsExactly(4_000.0, 25_000.0);
        assertThatThrownBy(() -> E2eOptions.parse(List.of("--rate", "-5"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> E2eOptions.parse(List.of("--only", "soak"))).hasMessageContaining("'soak'");
        assertThatThrownBy(() -> E2eOptions.parse(List.of("--frobnicate"))).hasMessageContaining("usage:");
    }

    @Test
    void probeLatenciesAreSplitIntoWindowsAndTheSettledTail() {
        long s = 1_000_000_000L;
        long[] due = {5 * s, 6 * s, 17 * s, 31 * s, 36 * s, 44 * s};
        long[] took = {4_000_000_000L, 3_000_000_000L, 900_000_000L, 200_000_000L, 100_000_000L, 300_000_000L};
        List<Latencies> windows = Latencies.windows(due, took, 10 * s);
        assertThat(windows).extracting(Latencies::count).containsExactly(2, 1, 1, 2);
        assertThat(windows.get(0).maxMs()).isEqualTo(4_000.0);
        assertThat(windows.get(3).p50Ms()).isEqualTo(100.0);
        Latencies settled = Figures.settled(due, took);
        assertThat(settled.count()).isEqualTo(2);
        assertThat(settled.maxMs()).isEqualTo(300.0);
        assertThat(Latencies.windows(new long[0], new long[0], s)).isEmpty();
    }
}
