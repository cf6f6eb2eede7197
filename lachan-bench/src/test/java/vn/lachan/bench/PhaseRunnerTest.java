package vn.lachan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.parse.RuleLoader;

class PhaseRunnerTest {
    private static final String RULE = """
            title: Whoami run
            id: 0b5c3bd4-2f7a-4b43-9a43-2a3d7c1e9f01
            status: test
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    CommandLine|contains: whoami
                condition: selection
            level: low
            """;

    @TempDir
    Path dir;

    @Test
    void countsEventsAlertsAndProblemsOfEachPhase() throws IOException {
        Path file = events("whoami /all", "ipconfig", "cmd /c WHOAMI", "{not json");
        PhaseRunner runner = new PhaseRunner(List.of(file), Long.MAX_VALUE, engine());

        PhaseResult parse = runner.run(Phase.PARSE_ONLY, 1);
        PhaseResult rules = runner.run(Phase.WITH_RULES, 1);

        assertThat(parse.events()).isEqualTo(3);
        assertThat(parse.problems()).isEqualTo(1);
        assertThat(parse.alerts()).isZero();
        assertThat(rules.events()).isEqualTo(3);
        assertThat(rules.alerts()).isEqualTo(2);
        assertThat(rules.eventsPerSecond()).isPositive();
    }

    @Test
    void stopsAtTheEventLimit() throws IOException {
        Path file = events("whoami", "whoami", "whoami", "whoami");
        PhaseRunner runner = new PhaseRunner(List.of(file, file), 3, engine());

        PhaseResult rules = runner.run(Phase.WITH_RULES, 1);

        assertThat(rules.events()).isEqualTo(3);
        assertThat(rules.alerts()).isEqualTo(3);
    }

    private Path events(String... commandLines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String commandLine : commandLines) {
            text.append(
                    commandLine.startsWith("{")
                            ? commandLine
                            : "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":1,"
                                    + "\"CommandLine\":\"" + commandLine + "\"}");
            text.append('\n');
        }
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static SigmaEngine engine() {
        return SigmaEngine.compile(
                new RuleLoader().parse(RULE, "whoami.yml"), LogSourceMap.bundled(), EngineOptions.defaults());
    }
}
