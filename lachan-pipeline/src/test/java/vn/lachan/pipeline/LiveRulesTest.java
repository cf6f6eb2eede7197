package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;

class LiveRulesTest {
    private static final Path SAMPLES = Path.of("../samples/rules");

    @TempDir
    Path rules;

    private static List<String> fired(LiveRules live, Map<String, Object> fields) {
        List<String> titles = new ArrayList<>();
        live.engine()
                .process(
                        new SourcedEvent("t", 0, new java.util.LinkedHashMap<>(fields)),
                        a -> titles.add(a.rule().title()));
        return titles;
    }

    private static final Map<String, Object> WHOAMI = Map.of(
            "EventID", 1,
            "Channel", "Microsoft-Windows-Sysmon/Operational",
            "Image", "C:\\Windows\\System32\\whoami.exe",
            "CommandLine", "whoami /all");

    private void copy(String name) throws Exception {
        Path target = rules.resolve(name);
        Files.copy(SAMPLES.resolve(name), target);
        // a distinct modification time even on coarse file-system clocks
        Files.setLastModifiedTime(
                target, FileTime.from(Instant.now().plusSeconds(rules.toFile().list().length)));
    }

    @Test
    void aRuleAddedToTheFolderRunsAfterTheReloadWithoutARestart() throws Exception {
        copy("proc_creation_vssadmin_delete_shadows.yml");
        try (LiveRules live = new LiveRules(List.of(rules), LogSourceMap.bundled())) {
            assertThat(live.status().rules()).isEqualTo(1);
            assertThat(fired(live, WHOAMI)).isEmpty();
            assertThat(live.reloadIfChanged()).as("nothing changed yet").isFalse();

            copy("proc_creation_whoami_all.yml");
            assertThat(live.reloadIfChanged()).isTrue();

            assertThat(live.status().rules()).isEqualTo(2);
            assertThat(live.status().generation()).isEqualTo(2);
            assertThat(fired(live, WHOAMI)).containsExactly("Whoami Lists All Privileges And Groups");
        }
    }

    @Test
    void aBrokenRuleIsReportedAndTheOthersKeepRunning() throws Exception {
        copy("proc_creation_whoami_all.yml");
        try (LiveRules live = new LiveRules(List.of(rules), LogSourceMap.bundled())) {
            Files.writeString(
                    rules.resolve("broken.yml"),
                    "title: Broken\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image|contans: x\n"
                            + "  condition: sel\n",
                    StandardCharsets.UTF_8);
            assertThat(live.reloadIfChanged()).isTrue();

            assertThat(live.status().problems())
                    .anySatisfy(
                            p -> assertThat(p.toString()).contains("broken.yml").contains("contains"));
            assertThat(fired(live, WHOAMI)).containsExactly("Whoami Lists All Privileges And Groups");
        }
    }
}
