package vn.lachan.app.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HuntCommandTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path rules;

    @BeforeEach
    void rules() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
    }

    private int hunt(String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        HuntCommand command = new HuntCommand(stdout, stderr, false, options -> new FakeDetector());
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    private List<JsonNode> lines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private Path events(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void writesOneJsonLinePerDetectionWithRuleEventAndTime() throws IOException {
        Path file = events("a.jsonl", """
                {"alert":"high","host":"pc1","@timestamp":"2025-11-20T01:02:03Z"}
                {"noise":1}
                {"alert":"low","host":"pc1","@timestamp":"2025-11-20T01:02:04Z"}
                """);
        assertThat(hunt("--rules", rules.toString(), file.toString())).isZero();
        List<JsonNode> alerts = lines();
        assertThat(alerts).hasSize(3);
        JsonNode first = alerts.getFirst();
        assertThat(first.path("kind").asString()).isEqualTo("detection");
        assertThat(first.path("rule").path("title").asString()).isEqualTo("Fake high");
        assertThat(first.path("rule").path("level").asString()).isEqualTo("high");
        assertThat(first.path("rule").path("id").asString()).startsWith("00000000-");
        assertThat(first.path("rule").path("tags").get(0).asString()).isEqualTo("attack.t1059");
        assertThat(first.path("event").path("source").asString()).isEqualTo(file.toString());
        assertThat(first.path("event").path("index").asLong()).isZero();
        assertThat(first.path("@timestamp").asString()).isEqualTo("2025-11-20T01:02:03Z");
        assertThat(alerts.get(1).path("event").path("index").asLong()).isEqualTo(2);
        JsonNode pair = alerts.get(2);
        assertThat(pair.path("kind").asString()).isEqualTo("correlation");
        assertThat(pair.path("group_by").path("host").asString()).isEqualTo("pc1");
        assertThat(pair.path("events")).hasSize(2);
        assertThat(pair.path("events").get(1).path("index").asLong()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("3 events from 1 files", "2 rules loaded, 1 rejected", "3 detections (high 2, low 1)")
                .contains("rules/bad.yml:line 3, column 5: unknown modifier");
    }

    @Test
    void writesTheStatisticsFile() throws IOException {
        Path file = events(
                "a.jsonl",
                "{\"alert\":\"critical\",\"host\":\"x\"}\nnot json\n{\"alert\":\"medium\",\"host\":\"y\"}\n");
        Path stats = dir.resolve("stats.json");
        assertThat(hunt("--rules", rules.toString(), "--stats", stats.toString(), file.toString()))
                .isZero();
        JsonNode json = JSON.readTree(stats.toFile());
        assertThat(json.path("events").asLong()).isEqualTo(2);
        assertThat(json.path("parse_errors").asLong()).isEqualTo(1);
        assertThat(json.path("rules_loaded").asInt()).isEqualTo(2);
        assertThat(json.path("rules_rejected").get(0).path("file").asString()).isEqualTo("rules/bad.yml");
        assertThat(json.path("rules_rejected").get(0).path("reason").asString()).contains("contans");
        assertThat(json.path("detections").asLong()).isEqualTo(2);
        assertThat(json.path("detections_by_level").path("critical").asLong()).isEqualTo(1);
        assertThat(json.path("parse_error_examples").get(0).path("location").asString())
                .startsWith("line 2");
        assertThat(json.path("seconds").isNumber()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":line 2");
    }

    @Test
    void givesTheSameOutputWithSeveralThreads() throws IOException {
        List<String> files = new ArrayList<>(List.of("--rules", rules.toString()));
        for (int f = 0; f < 12; f++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                content.append(
                                i % 7 == 0
                                        ? "{\"alert\":\"low\",\"host\":\"h" + f + "-" + i + "\"}"
                                        : "{\"n\":" + i + "}")
                        .append('\n');
            }
            files.add(events("f" + f + ".jsonl", content.toString()).toString());
        }
        assertThat(hunt(files.toArray(String[]::new))).isZero();
        String single = out.toString(StandardCharsets.UTF_8);
        out.reset();
        List<String> threaded = new ArrayList<>(files);
        threaded.addAll(0, List.of("--threads", "4"));
        assertThat(hunt(threaded.toArray(String[]::new))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(single);
        assertThat(single.lines().count()).isEqualTo(12 * 43);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3,600 events from 12 files");
    }

    @Test
    void exitsWith1WhenADetectionReachesTheFailOnLevel() throws IOException {
        Path file = events("a.jsonl", "{\"alert\":\"medium\",\"host\":\"x\"}\n");
        assertThat(hunt("--rules", rules.toString(), "--fail-on", "medium", file.toString()))
                .isEqualTo(1);
        assertThat(hunt("--rules", rules.toString(), "--fail-on", "high", file.toString()))
                .isZero();
        assertThat(hunt("--rules", rules.toString(), "--fail-on", "severe", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--fail-on must be one of");
    }

    @Test
    void exitsWith2NamingAPathThatCannotBeRead() {
        Path missing = dir.resolve("missing.json");
        assertThat(hunt("--rules", rules.toString(), missing.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + missing, "no such file or folder");
        assertThat(out.size()).isZero();
    }

    @Test
    void writesATableWhenAsked() throws IOException {
        Path file = events("a.jsonl", "{\"alert\":\"high\",\"host\":\"x\",\"@timestamp\":\"2025-11-20T01:02:03Z\"}\n");
        assertThat(hunt("--rules", rules.toString(), "--format", "table", file.toString()))
                .isZero();
        List<String> table = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(table.getFirst()).startsWith("TIME").contains("LEVEL", "RULE", "EVENT");
        assertThat(table.get(1)).contains("2025-11-20T01:02:03Z", "high", "Fake high", file + " #0");
    }
}
