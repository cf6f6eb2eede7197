package vn.lachan.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's readers of what the server reports: GC log, Prometheus text, raw timestamps. */
class ParsingTest {
    @Test
    void gcLogGivesPeaksBeforeAndAfterCollections() {
        GcLog gc = GcLog.parse(List.of(
                "[0.010s][info][gc] Using Parallel",
                "[1.234s][info][gc] GC(0) Pause Young (Allocation Failure) 512M->40M(1963M) 12.345ms",
                "[2.000s][info][gc] GC(1) Pause Full (Ergonomics) 900M->310M(1963M) 210.1ms",
                "[3.100s][info][gc] GC(2) Pause Young (Allocation Failure) 1100M->250M(2011M) 20.0ms"));
        assertThat(gc).isEqualTo(new GcLog(3, 1, 1100, 310, 250, 2011, 310, 210.1));
        assertThat(GcLog.parse(List.of("nothing here"))).isEqualTo(new GcLog(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void histogramDifferenceGivesBucketBoundQuantiles() {
        String before = """
                # TYPE lachan_alert_latency_seconds histogram
                lachan_alert_latency_seconds_bucket{le="0.1"} 10.0
                lachan_alert_latency_seconds_bucket{le="0.5"} 10.0
                lachan_alert_latency_seconds_bucket{le="1.0"} 10.0
                lachan_alert_latency_seconds_bucket{le="+Inf"} 10.0
                lachan_alert_latency_seconds_max 0.05
                """;
        String after = """
                lachan_alert_latency_seconds_bucket{le="0.1"} 60.0
                lachan_alert_latency_seconds_bucket{le="0.5"} 108.0
                lachan_alert_latency_seconds_bucket{le="1.0"} 110.0
                lachan_alert_latency_seconds_bucket{le="+Inf"} 110.0
                lachan_alert_latency_seconds_count 110.0
                lachan_alert_latency_seconds_max 0.7
                lachan_pipeline_latency_seconds_bucket{le="0.1"} 3.0
                """;
        String name = "lachan_alert_latency_seconds";
        PromText.Histogram phase = PromText.histogram(after, name).minus(PromText.histogram(before, name));
        assertThat(phase.count()).isEqualTo(100);
        assertThat(phase.quantile(0.50)).isEqualTo(0.1);
        assertThat(phase.quantile(0.51)).isEqualTo(0.5);
        assertThat(phase.quantile(0.99)).isEqualTo(1.0);
        assertThat(phase.max()).isCloseTo(0.7, within(1e-9));
        assertThat(PromText.histogram("", name).quantile(0.5)).isNaN();
    }

    @Test
    void timestampShiftMovesOnlyTheTimestamp() {
        byte[] line =
                "{\"a\":1,\"@timestamp\":\"2020-06-10T02:50:56.537Z\",\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] moved = Timestamps.shift(line, Duration.ofHours(25));
        assertThat(new String(moved, StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1,\"@timestamp\":\"2020-06-11T03:50:56.537Z\",\"b\":\"x\"}");
        byte[] none = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(Timestamps.shift(none, Duration.ofHours(1))).isSameAs(none);
        byte[] bad = "{\"@timestamp\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Timestamps.shift(bad, Duration.ofHours(1))).isSameAs(bad);
    }

    @Test
    void latenciesUseNearestRank() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (200L - i) * 1_000_000; // 1..200 ms, unsorted
        }
        Latencies l = Latencies.of(nanos);
        assertThat(l.count()).isEqualTo(200);
        assertThat(l.p50Ms()).isEqualTo(100.0);
        assertThat(l.p99Ms()).isEqualTo(198.0);
        assertThat(l.maxMs()).isEqualTo(200.0);
        assertThat(Latencies.of(new long[0]).p99Ms()).isNaN();
    }

    @Test
    void probeHostsRoundTrip() {
        assertThat(Probes.number(Probes.host(1234))).hasValue(1234);
        assertThat(Probes.number("E2E-PROBE-0000007.LACHAN.BENCH")).hasValue(7);
        assertThat(Probes.number("workstation6.mordor.local")).isEmpty();
        assertThat(Probes.number("e2e-probe-x.lachan.bench")).isEmpty();
    }
}
