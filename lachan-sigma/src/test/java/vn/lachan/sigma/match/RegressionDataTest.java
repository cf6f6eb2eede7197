package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.parse.RuleLoader;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.RuleSet;
import vn.lachan.testkit.Corpus;

/**
 * Replays SigmaHQ's regression events (evtx_dump JSON) through the detector with every SigmaHQ
 * rule loaded, and checks each test's rule fires at least {@code match_count} times.
 */
class RegressionDataTest {
    private static final Pattern RULE_ID = Pattern.compile("rule_metadata:\\s*\\n\\s*- id: ([0-9a-f-]{36})");
    private static final Pattern COUNT = Pattern.compile("match_count: (\\d+)");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void everyRegressionTestFiresItsRule() throws IOException {
        Path sigma = Corpus.require("sigma");
        List<Path> ruleDirs = Stream.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance")
                .map(sigma::resolve)
                .filter(Files::isDirectory)
                .toList();
        RuleSet rules = new RuleLoader().load(ruleDirs);
        Detector detector = Detector.compile(rules.detections(), LogSourceMap.bundled());
        Map<String, DetectionRule> byId = new HashMap<>();
        rules.detections().forEach(r -> byId.put(String.valueOf(r.info().id()), r));
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int tests = 0;
        try (Stream<Path> infos = Files.walk(sigma.resolve("regression_data"))) {
            for (Path info : infos.filter(p -> p.getFileName().toString().equals("info.yml"))
                    .sorted()
                    .toList()) {
                if (!hasJsonEvents(java.util.Objects.requireNonNull(info.getParent()))) {
                    skipped.add(java.util.Objects.requireNonNull(info.getParent())
                            .getFileName()
                            .toString());
                    continue;
                }
                tests++;
                String failure = check(info, detector, byId);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        System.out.printf(
                "regression data: %d of %d tests pass; %d without JSON events skipped %s%n",
                tests - failures.size(), tests, skipped.size(), skipped);
        assertThat(tests).isGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    private static @org.jspecify.annotations.Nullable String check(
            Path info, Detector detector, Map<String, DetectionRule> byId) throws IOException {
        String text = Files.readString(info);
        Matcher id = RULE_ID.matcher(text);
        if (!id.find()) {
            return info + ": no rule id in info.yml";
        }
        Matcher count = COUNT.matcher(text);
        int expected = count.find() ? Integer.parseInt(count.group(1)) : 1;
        DetectionRule rule = byId.get(id.group(1));
        if (rule == null) {
            return info + ": rule " + id.group(1) + " did not load";
        }
        int fired = 0;
        try (Stream<Path> files = Files.list(java.util.Objects.requireNonNull(info.getParent()))) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (SourcedEvent event : events(json)) {
                    int[] hits = {0};
                    detector.detect(event, (r, e) -> hits[0] += r == rule ? 1 : 0);
                    fired += hits[0];
                }
            }
        }
        return fired >= expected
                ? null
                : java.util.Objects.requireNonNull(info.getParent()).getFileName() + ": rule '"
                        + rule.info().title() + "' fired " + fired + " times, expected " + expected;
    }

    private static boolean hasJsonEvents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".json"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<SourcedEvent> events(Path json) throws IOException {
        List<SourcedEvent> out = new ArrayList<>();
        try (tools.jackson.databind.MappingIterator<Map<String, @org.jspecify.annotations.Nullable Object>> it =
                JSON.readerFor(Map.class).readValues(json.toFile())) {
            while (it.hasNextValue()) {
                out.add(new SourcedEvent(json.toString(), out.size(), it.nextValue()));
            }
        }
        return out;
    }
}
