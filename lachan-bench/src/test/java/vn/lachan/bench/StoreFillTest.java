package vn.lachan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StoreFillTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void fillsByReplaysThenResumesWithoutWritingAgain() throws IOException {
        Path events = corpus();
        Path data = dir.resolve("data");
        Path json = dir.resolve("fill.json");
        StoreOptions options = StoreOptions.parse(
                List.of("--fill", "5", "--data", data.toString(), "--json", json.toString(), events.toString()));

        FillReport first = StoreFill.run(options, "first", out);
        FillReport again = StoreFill.run(options, "again", out);

        // three events a replay, two usable (one has no time): three replays reach 5
        assertThat(first.replays()).hasSize(3);
        // each replay continues after the last position written, durable or not: none is left out as held
        assertThat(first.replays()).allSatisfy(r -> assertThat(r.rejected()).isEqualTo(1));
        assertThat(first.events()).isEqualTo(6);
        assertThat(Files.readString(data.resolve("fill.properties"), StandardCharsets.UTF_8))
                .contains("replays=3");
        assertThat(again.replays()).isEmpty();
        assertThat(again.events()).isEqualTo(6);
        assertThat(again.rawBytes()).isEqualTo(first.rawBytes()).isGreaterThan(0);
        assertThat(again.diskBytes()).isPositive();
        assertThat(again.sealedPartitions()).isZero();
        assertThatThrownBy(() -> StoreOptions.parse(List.of("--seal", events.toString())))
                .hasMessageContaining("--seal goes with --fill");
    }

    @Test
    void timesTheIssuesQueriesAndWritesJson() throws IOException {
        Path events = corpus();
        Path json = dir.resolve("fill.json");
        StoreOptions options = StoreOptions.parse(List.of(
                "--fill",
                "2",
                "--seal",
                "--data",
                dir.resolve("data").toString(),
                "--json",
                json.toString(),
                events.toString()));

        FillReport report = StoreFill.run(options, "StoreHarness --fill 2", out);

        // the queries run on sealed partitions, as on a store whose days have closed
        assertThat(report.partitions()).isEqualTo(1);
        assertThat(report.sealedPartitions()).isEqualTo(1);

        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(root.get("command").asString()).isEqualTo("StoreHarness --fill 2");
        assertThat(root.get("store").get("events").asLong()).isEqualTo(2);
        assertThat(root.get("store").get("sealedPartitions").asInt()).isEqualTo(1);
        assertThat(root.get("queries")).hasSize(report.latencies().size());
        // the busiest day holds the 4688 event: a term query finds it and no refusal comes back
        StoreQueries.Latency day = report.latencies().getFirst();
        assertThat(day.name()).contains("busiest day");
        assertThat(day.total()).isEqualTo(1);
        assertThat(day.errors()).isEmpty();
        assertThat(day.verdict()).startsWith("target p95 < 300 ms: met");
        // the targets name 10 M events: two are not judged against them
        assertThat(report.table()).doesNotContain("target p95");
        assertThat(root.get("targets").get("queryTargetsApply").asBoolean()).isFalse();
        StoreQueries.Latency top = report.latencies().stream()
                .filter(q -> q.name().startsWith("top-10"))
                .findFirst()
                .orElseThrow();
        assertThat(top.total()).isEqualTo(2);
        assertThat(root.get("queries").get(3).get("budgetMs").asInt()).isEqualTo(2000);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("24 h from 2020-09-22T12:00:00Z");
    }

    private Path corpus() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("events"));
        Files.writeString(folder.resolve("events.json"), """
                {"@timestamp":"2020-09-22T10:00:00Z","EventID":4688,"Hostname":"ws1"}
                {"@timestamp":"2020-09-22T11:00:00Z","EventID":4624,"Hostname":"ws2"}
                {"EventID":4688,"Hostname":"no-time"}
                """, StandardCharsets.UTF_8);
        return folder;
    }
}
