package vn.lachan.bench.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the server's timers out of a Prometheus scrape as the harness does, and its command line. */
class TimerTotalsTest {
    static final String EARLIER = """
            # HELP lachan_http_gate_seconds What the gate spent
            # TYPE lachan_http_gate_seconds summary
            lachan_http_gate_seconds_count{method="GET",outcome="admitted",route="/api/v1/alerts",via="token"} 10
            lachan_http_gate_seconds_sum{method="GET",outcome="admitted",route="/api/v1/alerts",via="token"} 0.0001
            lachan_http_gate_seconds_max{method="GET",outcome="admitted",route="/api/v1/alerts",via="token"} 0.00002
            lachan_http_requests_seconds_count{method="GET",route="/api/v1/alerts",status="200"} 10
            lachan_http_requests_seconds_sum{method="GET",route="/api/v1/alerts",status="200"} 0.01
            """;
    static final String LATER = """
            lachan_http_gate_seconds_count{method="GET",outcome="admitted",route="/api/v1/alerts",via="token"} 30
            lachan_http_gate_seconds_sum{method="GET",outcome="admitted",route="/api/v1/alerts",via="token"} 0.0003
            lachan_http_gate_seconds_count{method="GET",outcome="forbidden",route="/api/v1/alerts",via="token"} 10
            lachan_http_gate_seconds_sum{method="GET",outcome="forbidden",route="/api/v1/alerts",via="token"} 0.0002
            lachan_http_gate_seconds_count{method="POST",outcome="admitted",route="/api/v1/ingest",via="session"} 4
            lachan_http_gate_seconds_sum{method="POST",outcome="admitted",route="/api/v1/ingest",via="session"} 4.0E-5
            lachan_http_requests_seconds_count{method="GET",route="/api/v1/alerts",status="200"} 40
            lachan_http_requests_seconds_sum{method="GET",route="/api/v1/alerts",status="200"} 0.04
            """;

    @Test
    void theDifferenceOfTwoScrapesAddsUpEveryOutcomeOfOneRoute() {
        TimerTotals before = TimerTotals.read(EARLIER, Measurement.GATE);
        TimerTotals after = TimerTotals.read(LATER, Measurement.GATE);

        TimerTotals.Totals alerts = after.since(before, "GET /api/v1/alerts");

        assertThat(alerts.count()).isEqualTo(30);
        assertThat(alerts.meanMicros()).isCloseTo(13.333, org.assertj.core.data.Offset.offset(0.01));
        assertThat(after.of("POST /api/v1/ingest").meanMicros())
                .isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.of("GET /api/v1/auth/me").meanMicros()).isNaN();
    }

    @Test
    void theRequestTimerIsReadApartFromTheGate() {
        TimerTotals requests = TimerTotals.read(LATER, Measurement.REQUESTS);

        assertThat(requests.calls()).containsOnlyKeys("GET /api/v1/alerts");
        assertThat(requests.of("GET /api/v1/alerts").meanMicros())
                .isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aLabelIsFoundWhereverItStands() {
        String labels = "method=\"GET\",route=\"/api/v1/alerts\",status=\"200\"";

        assertThat(TimerTotals.label(labels, "method")).isEqualTo("GET");
        assertThat(TimerTotals.label(labels, "route")).isEqualTo("/api/v1/alerts");
        assertThat(TimerTotals.label(labels, "status")).isEqualTo("200");
        assertThat(TimerTotals.label(labels, "via")).isEmpty();
    }

    @Test
    void theServersCpuTimeIsReadPastACommandNameWithSpaces() {
        String stat = "4242 (java (lachan) x) S 1 4242 4242 0 -1 4194560 12 0 0 0 150 25 0 0 20 0 40 0 1 2 3";

        assertThat(ProcessCpu.parse(stat)).isEqualTo(175 * 10_000_000L);
        assertThat(ProcessCpu.nanos(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void theCommandLineNamesTheBadOption() {
        AuthzOptions o = AuthzOptions.parse(List.of("--calls", "300", "--threads", "2", "--keep"));

        assertThat(o.calls()).isEqualTo(300);
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.keep()).isTrue();
        assertThat(o.warmup()).isEqualTo(4000);
        assertThatThrownBy(() -> AuthzOptions.parse(List.of("--calls", "many")))
                .hasMessageContaining("--calls needs a whole number, got 'many'");
        assertThatThrownBy(() -> AuthzOptions.parse(List.of("--threads", "0")))
                .hasMessageContaining("--threads must be at least 1");
        assertThatThrownBy(() -> AuthzOptions.parse(List.of("--fast"))).hasMessageContaining("'--fast'");
    }
}
