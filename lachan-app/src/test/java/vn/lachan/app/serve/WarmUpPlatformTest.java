package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.SearchRequest;

/**
 * Starts the platform twice on one data folder with the bundled sample rules, which the warm-up's own samples
 * match, and checks that the warm-up runs every time, learns from the stored events, and leaves nothing behind:
 * no event, no alert, no scratch folder.
 */
class WarmUpPlatformTest {
    private static final Path SYSMON = Path.of("../samples/events/stc-kt-pc12-sysmon.jsonl");

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void warmsUpOnBundledThenStoredSamplesAndStoresAndAlertsNothing() throws IOException {
        assertThat(start(0))
                .matches("40,000 records through a journal, parsing, detection and indexing in [0-9.]+ s \\(\\d+"
                        + " samples, 0 of them stored events\\)");

        // the sample's own times lie past the default retention, which the start would apply: move them to today
        String today = Instant.now().minus(Duration.ofHours(1)).toString().substring(0, 10);
        List<String> recent = Files.readAllLines(SYSMON, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.replaceAll("\"@timestamp\": \"[0-9-]{10}", "\"@timestamp\": \"" + today))
                .toList();
        Path file = Files.write(files.resolve("recent.jsonl"), recent);
        Cli.Run imported = Cli.run("import", "--data", data.toString(), file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        long lines = recent.size();

        assertThat(start(lines)).contains(", " + lines + " of them stored events)");
    }

    /** Starts the platform, checks that it holds {@code events} events and no alert, and returns its warm-up. */
    private String start(long events) {
        ServeConfig config = ConfigReader.read(
                null,
                new ConfigReader.Overrides(data, "127.0.0.1:0", "127.0.0.1:0", List.of(Path.of("../samples/rules"))));
        try (Platform platform = Platform.start(config)) {
            var store = Objects.requireNonNull(platform.events());
            assertThat(store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 1))
                            .total()
                            .value())
                    .isEqualTo(events);
            var alerts = Objects.requireNonNull(platform.alerts())
                    .search(new AlertQuery(null, null, null, Set.of(), null, null, 10, null));
            assertThat(alerts.items()).as("alerts after the warm-up").isEmpty();
            assertThat(data.resolve(WarmUpStep.SCRATCH)).doesNotExist();
            assertThat(Objects.requireNonNull(platform.journal()).end())
                    .as("the warm-up's records went through a journal of their own, not the platform's")
                    .isZero();
            return platform.warmUp();
        }
    }
}
