package vn.lachan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the README's first command on the bundled samples and checks the attack story is found. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    @Test
    void findsEveryStepOfTheSampleAttackAndNothingElse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path stats = dir.resolve("stats.json");
        int code = Main.run(
                new String[] {
                    "hunt",
                    "--rules",
                    SAMPLES.resolve("rules").toString(),
                    "--stats",
                    stats.toString(),
                    SAMPLES.resolve("events").toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, String> fired = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode alert = JSON.readTree(line);
            String where = alert.has("event")
                    ? "#" + alert.path("event").path("index").asLong()
                    : "#" + alert.path("events").get(0).path("index").asLong() + "+"
                            + alert.path("events").get(1).path("index").asLong();
            fired.put(alert.path("rule").path("title").asString(), where);
        }
        assertThat(fired)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Office Application Spawns PowerShell", "#9",
                        "PowerShell With Hidden Window And Encoded Command", "#9",
                        "Whoami Lists All Privileges And Groups", "#12",
                        "Domain Admins Group Enumerated With Net", "#13",
                        "Account And Domain Discovery Burst On One Host", "#12+13",
                        "Mimikatz Commands On The Command Line", "#17",
                        "LSASS Memory Read By An Unusual Process", "#18",
                        "Scheduled Task Created To Run PowerShell", "#20",
                        "Shadow Copies Deleted With Vssadmin", "#22"));
        JsonNode json = JSON.readTree(stats.toFile());
        assertThat(json.path("events").asLong()).isEqualTo(30);
        assertThat(json.path("parse_errors").asLong()).isZero();
        assertThat(json.path("rules_loaded").asInt()).isEqualTo(9);
        assertThat(json.path("rules_rejected")).isEmpty();
        assertThat(json.path("detections").asLong()).isEqualTo(9);
        assertThat(json.path("detections_by_level").path("critical").asLong()).isEqualTo(1);
    }

    @Test
    void theSampleRulesCarryFreshIdsAndAttackTags() throws Exception {
        List<Path> rules;
        try (var files = Files.list(SAMPLES.resolve("rules"))) {
            rules = files.sorted().toList();
        }
        assertThat(rules).hasSize(9);
        for (Path rule : rules) {
            String text = Files.readString(rule, StandardCharsets.UTF_8);
            assertThat(text).as(rule.toString()).containsPattern("(?m)^id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-");
            assertThat(text).as(rule.toString()).contains("attack.", "level: ");
        }
    }
}
