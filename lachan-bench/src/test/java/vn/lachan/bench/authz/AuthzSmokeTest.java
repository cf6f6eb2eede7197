package vn.lachan.bench.authz;

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
 * Runs the authorization harness small against a real {@code lachan serve} in its own JVM and checks that every
 * timed call was answered, that the server's request timer and the gate's timer counted exactly those calls, and
 * that both callers' pages are real. Asserts no speed. Skipped, saying so, when the shared corpus is absent.
 */
class AuthzSmokeTest {
    @Test
    void everyTimedCallIsCountedByBothServerTimersAndThePagesAreReal(@TempDir Path work) {
        assumeTrue(
                Corpus.find().isPresent(),
                "the shared corpus (../shared/corpus) is absent: the authorization harness needs its rules and events");
        AuthzOptions options = AuthzOptions.parse(List.of(
                "--calls",
                "40",
                "--warmup",
                "20",
                "--threads",
                "2",
                "--events",
                "400",
                "--departments",
                "3",
                "--units",
                "2",
                "--cold",
                "3",
                "--work",
                work.toString()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        AuthzReport report = new AuthzHarness(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run("smoke");

        String context = log.toString(StandardCharsets.UTF_8) + "\n" + ReportText.write(report);
        assertThat(report.organizations()).as(context).isEqualTo(1 + 3 + 3 * 2);
        assertThat(report.eventsFed()).as(context).isEqualTo(400);
        // 2 callers × (4 calls × 2 modes + 1 cold loop)
        assertThat(report.figures()).as(context).hasSize(18);
        for (CallFigures f : report.figures()) {
            int expected = f.mode().equals("cold-token") ? 3 : 40;
            assertThat(f.failures()).as(context).isZero();
            assertThat(f.calls()).as(context).isEqualTo(expected);
            assertThat(f.serverCalls())
                    .as(f.caller() + " " + f.mode() + " " + f.call())
                    .isEqualTo(expected);
            assertThat(f.gateCalls())
                    .as(f.caller() + " " + f.mode() + " " + f.call())
                    .isEqualTo(expected);
            assertThat(f.gateMeanMicros()).isPositive().isLessThan(f.serverMeanMicros());
        }
        assertThat(report.figures().stream().filter(f -> f.call().contains("search")))
                .allSatisfy(f -> assertThat(f.pageTotal()).isPositive());
        assertThat(report.verdict()).contains("of the client round trip", "of the server's request timer");
    }
}
