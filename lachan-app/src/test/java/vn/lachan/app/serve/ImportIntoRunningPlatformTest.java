package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.app.security.Foundation;
import vn.lachan.pipeline.Pipeline;
import vn.lachan.pipeline.PipelineStats;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/** Imports files into a platform that is running on the data folder: through its ingest, journal and rules. */
class ImportIntoRunningPlatformTest {
    private static final Path SYSMON = Path.of("../samples/events/stc-kt-pc12-sysmon.jsonl");

    @TempDir
    Path data;

    @Test
    void findsTheRunningPlatformByItsDataFolderAndDetectsWhatItSends() throws IOException {
        long lines = Files.readAllLines(SYSMON, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .count();
        ServeConfig config = ConfigReader.read(
                null,
                new ConfigReader.Overrides(data, "127.0.0.1:0", "127.0.0.1:0", List.of(Path.of("../samples/rules"))));
        try (Platform platform = Platform.start(config)) {
            assertThat(Endpoint.running(data)).contains(platform.baseUrl());

            Cli.Run anonymous = Cli.run("import", "--data", data.toString(), "--token", " ", SYSMON.toString());
            assertThat(anonymous.code()).isEqualTo(2);
            assertThat(anonymous.err()).contains("wants an API token with the ingest scope");
            Foundation foundation = Objects.requireNonNull(platform.foundation());
            String token = foundation
                    .tokens()
                    .issue(
                            "import-test",
                            Role.SOC_ANALYST,
                            foundation.monitoringCenter().id(),
                            Set.of(Scope.INGEST),
                            null,
                            null)
                    .secret();

            Cli.Run run = Cli.run("import", "--data", data.toString(), "--token", token, SYSMON.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).contains(lines + " events accepted by the platform at " + platform.baseUrl());
            Pipeline pipeline = Objects.requireNonNull(platform.pipeline());
            assertThat(pipeline.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            PipelineStats stats = pipeline.stats();
            assertThat(stats.stored()).isEqualTo(lines);
            assertThat(stats.detections()).isPositive();
        }
        assertThat(Endpoint.running(data)).isEmpty();
    }

    @Test
    void saysWhereToImportWhenNeitherDataNorServerIsGiven() {
        Cli.Run run = Cli.run("import", SYSMON.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--data DIR").contains("--server URL");
    }

    @Test
    void namesTheServerItCannotReach() {
        Cli.Run run = Cli.run("import", "--server", "http://127.0.0.1:1", "--token", "lcn_x", SYSMON.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the platform at http://127.0.0.1:1");
    }
}
