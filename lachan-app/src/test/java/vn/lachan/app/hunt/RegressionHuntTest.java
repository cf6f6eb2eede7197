package vn.lachan.app.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.testkit.Corpus;

/**
 * Hunts SigmaHQ's regression events with all of SigmaHQ's rules through the command line, and checks
 * that each folder's rule fires on its own events at least {@code match_count} times: once from the
 * {@code evtx_dump} JSON files and once from the original {@code .evtx} files, read natively.
 */
class RegressionHuntTest {
    private static final JsonMapper JSON = new JsonMapper();
    private static final Pattern MATCH_COUNT = Pattern.compile("(?m)^\\s+match_count:\\s*(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {".json", ".evtx"})
    void firesEachRegressionRuleOnItsOwnEvents(String extension) throws IOException {
        Path sigma = Corpus.require("sigma");
        List<Path> eventFiles;
        try (Stream<Path> walk = Files.walk(sigma.resolve("regression_data"))) {
            eventFiles =
                    walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
        assertThat(eventFiles).as("regression %s files", extension).hasSizeGreaterThan(90);
        List<String> args = new ArrayList<>();
        for (String rules : List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance")) {
            args.addAll(List.of("--rules", sigma.resolve(rules).toString()));
        }
        Path stats = dir.resolve("stats.json");
        args.addAll(List.of("--stats", stats.toString(), "--threads", "2"));
        eventFiles.forEach(file -> args.add(file.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HuntCommand command = HuntCommand.create(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertThat(new CommandLine(command).execute(args.toArray(String[]::new)))
                .isZero();

        Map<String, Integer> fired = new HashMap<>(); // "file|rule id" -> alerts
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode alert = JSON.readTree(line);
            assertThat(alert.path("rule").path("title").asString()).isNotBlank();
            if (alert.has("event")) {
                fired.merge(
                        alert.path("event").path("source").asString() + "|"
                                + alert.path("rule").path("id").asString(),
                        1,
                        Integer::sum);
            }
        }
        List<String> missed = new ArrayList<>();
        for (Path file : eventFiles) {
            String ruleId = file.getFileName().toString().replace(extension, "");
            int expected = matchCount(file.resolveSibling("info.yml"));
            int got = fired.getOrDefault(file + "|" + ruleId, 0);
            if (got < expected) {
                missed.add(java.util.Objects.requireNonNull(file.getParent()).getFileName() + ": " + got + " of "
                        + expected);
            }
        }
        JsonNode json = JSON.readTree(stats.toFile());
        assertThat(json.path("files").asLong()).isEqualTo(eventFiles.size());
        assertThat(json.path("parse_errors").asLong()).isZero();
        assertThat(json.path("rules_loaded").asInt()).isGreaterThan(3000);
        System.out.printf(
                "regression hunt (%s): %d of %d rules fired as expected; %s; missed: %s%n",
                extension,
                eventFiles.size() - missed.size(),
                eventFiles.size(),
                err.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(l ->
                                l.contains("events from") || l.contains("rules loaded") || l.contains("detections"))
                        .toList(),
                missed);
        assertThat(missed).isEmpty();
    }

    private static int matchCount(Path info) throws IOException {
        Matcher matcher = MATCH_COUNT.matcher(Files.readString(info, StandardCharsets.UTF_8));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }
}
