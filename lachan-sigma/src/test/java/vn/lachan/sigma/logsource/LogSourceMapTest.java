package vn.lachan.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.LogSource;

/** Checks the bundled log-source map and the problems a bad map file gives. */
class LogSourceMapTest {
    @Test
    void bundledMapCoversThorFactsAndMore() {
        LogSourceMap map = LogSourceMap.bundled();
        assertThat(map.problems()).isEmpty();
        assertThat(map.layouts()).extracting(Layout::name).containsExactly("evtx_dump", "winlogbeat", "flat", "json");
        assertThat(map.layouts())
                .extracting(Layout::keywordSkip)
                .containsExactly(List.of(), List.of(), List.of("Message", "message"), List.of());
        assertThat(map.entries().size()).isGreaterThanOrEqualTo(91);
        assertThat(map.providing(LogSource.of("process_creation", "windows", null)))
                .extracting(LogSourceEntry::name)
                .containsExactly("sysmon_process_creation", "security_process_creation");
        LogSourceEntry security = map.providing(LogSource.of("process_creation", "windows", "security"))
                .getFirst();
        assertThat(security.renames())
                .containsEntry("Image", "NewProcessName")
                .containsEntry("ParentImage", "ParentProcessName");
        assertThat(map.providing(LogSource.of(null, "linux", "auditd"))).isNotEmpty();
        assertThat(map.providing(LogSource.of("webserver", null, null))).isNotEmpty();
        assertThat(map.timestamps().getFirst().field()).isEqualTo("@timestamp");
    }

    @Test
    void badEntriesAreReportedByLineAndLeftOut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("map.yml");
        Files.writeString(file, """
                layouts:
                  - name: flat
                    marker: EventID
                logsources:
                  - name: ok
                    provides: {product: windows}
                    when: {Channel: "*"}
                  - name: no_when
                    provides: {product: windows}
                  - provides: {product: linux}
                    when: {x: y}
                timestamps:
                  - {field: "@timestamp", formats: [rfc9999]}
                """);
        LogSourceMap map = LogSourceMap.load(file);
        assertThat(map.entries()).extracting(LogSourceEntry::name).containsExactly("ok");
        assertThat(map.problems()).extracting(Problem::location).containsExactly("line 8", "line 10", "line 13");
        assertThat(map.problems().get(0).message()).contains("no_when").contains("'when'");
        assertThat(map.problems().get(2).message()).contains("rfc9999");
    }

    @Test
    void unreadableOrInvalidFilesGiveOneProblem(@TempDir Path dir) throws IOException {
        assertThat(LogSourceMap.load(dir.resolve("absent.yml")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cannot read"));
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "layouts: [\n");
        assertThat(LogSourceMap.load(bad).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid YAML"));
    }
}
