package vn.lachan.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.testkit.Corpus;

/**
 * Sends a few thousand OTRF events at a low rate through a real {@code lachan serve} in its own JVM (the
 * full SigmaHQ Windows rule set plus the probe rule) and checks that nothing acknowledged is lost and the
 * probes' alerts arrive on the live stream. Skipped, saying so, when the shared corpus is absent.
 */
class E2eSmokeTest {
    @Test
    void aLowRateRunLosesNothingAndAlertsArrive(@TempDir Path work) {
        assumeTrue(
                Corpus.find().isPresent(),
                "the shared corpus (../shared/corpus) is absent: the end-to-end smoke test needs its OTRF events");
        E2eOptions options = E2eOptions.parse(List.of(
                "--only",
                "latency",
                "--latency-rate",
                "500",
                "--duration",
                "6",
                "--probe-ms",
                "200",
                "--drain-timeout",
                "120",
                "--work",
                work.toString()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        E2eReport report = new E2eHarness(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run("smoke");

        assertThat(report.phases()).hasSize(1);
        PhaseReport p = report.phases().getFirst();
        String context = log.toString(StandardCharsets.UTF_8) + "\n" + ReportText.write(report);
        assertThat(p.sending().acknowledged()).as(context).isBetween(2_500L, 3_200L);
        assertThat(p.sending().errors()).as(context).isZero();
        assertThat(p.store().drained()).as(context).isTrue();
        assertThat(p.store().lost()).as(context).isZero();
        assertThat(p.store().stored()).as(context).isEqualTo(p.sending().acknowledged());
        assertThat(p.latency().probesSent()).as(context).isGreaterThanOrEqualTo(20);
        assertThat(p.latency().probesAlerted())
                .as(context)
                .isEqualTo(p.latency().probesSent());
        assertThat(p.latency().dueToAlert().count()).isEqualTo(p.latency().probesSent());
        assertThat(p.latency().serverAlertCount())
                .as(context)
                .isGreaterThanOrEqualTo(p.latency().probesSent());
        assertThat(ServerProcess.stoppedCleanly(p.server().exitCode()))
                .as(context)
                .isTrue();
        assertThat(p.server().heapPeakMib()).as(context).isPositive();
        assertThat(p.server().rssPeakMib()).as(context).isPositive();
        assertThat(report.commit()).isNotBlank();
    }
}
