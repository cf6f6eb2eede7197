package vn.lachan.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.testkit.Corpus;

/** Reads the real data of the shared corpus: the OTRF zips and SigmaHQ's regression events. */
class EventFilesCorpusTest {

    @Test
    void readsEveryOtrfEventExactly() {
        Path otrf = Corpus.require("otrf/windows");
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> perSource = new HashMap<>();
        long[] withTimestamp = {0};
        ReadCounts counts = new EventFiles(problems::add).readAhead(List.of(otrf), 8, event -> {
            perSource.merge(event.source(), 1L, Long::sum);
            if (event.fields().get("@timestamp") instanceof String) {
                withTimestamp[0]++;
            }
        });
        assertThat(problems).isEmpty();
        assertThat(counts.files()).isEqualTo(112);
        assertThat(counts.events()).isEqualTo(647_017);
        assertThat(counts.parseErrors()).isZero();
        assertThat(counts.skippedEntries())
                .as("one __MACOSX entry in each of 14 zips")
                .isEqualTo(14);
        assertThat(perSource)
                .hasSize(112)
                .allSatisfy((source, n) -> assertThat(source).contains(".zip!/"));
        // counted independently with Python's zipfile and json modules: 5,518 events carry no @timestamp
        assertThat(withTimestamp[0]).isEqualTo(641_499);
    }

    @Test
    void readsTheRegressionJsonAsTheSameEventsAsTheirEvtx() throws IOException {
        Path regression = Corpus.require("sigma/regression_data");
        List<Path> jsonFiles;
        try (Stream<Path> walk = Files.walk(regression)) {
            jsonFiles =
                    walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(jsonFiles).hasSizeGreaterThan(90);
        long concatenated = 0;
        for (Path json : jsonFiles) {
            List<SourcedEvent> fromJson = read(json);
            Path evtx = json.resolveSibling(json.getFileName().toString().replace(".json", ".evtx"));
            assertThat(fromJson)
                    .as(json.toString())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.fields()).containsKey("Event"));
            if (Files.exists(evtx)) {
                assertThat(read(evtx)).as("events of " + evtx).hasSameSizeAs(fromJson);
            }
            concatenated += fromJson.size() > 1 ? 1 : 0;
        }
        assertThat(concatenated)
                .as("files with several pretty-printed documents")
                .isPositive();
    }

    @Test
    void anOtrfEventsRawIsItsLineInTheArchiveByteForByte() throws IOException {
        Path zip = Corpus.require("otrf/windows/execution/host/psh_python_webserver.zip");
        List<String> lines = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            ZipEntry member = archive.stream()
                    .filter(e -> e.getName().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            byte[] content;
            try (InputStream in = archive.getInputStream(member)) {
                content = in.readAllBytes();
            }
            // split by hand on LF, a CR before it dropped: no JSON parser involved
            for (int start = 0, end; start < content.length; start = end + 1) {
                end = indexOf(content, (byte) '\n', start);
                int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
                if (stop > start) {
                    lines.add(new String(content, start, stop - start, StandardCharsets.UTF_8));
                }
            }
        }
        List<SourcedEvent> events = new ArrayList<>();
        EventFiles.keepingText(p -> {}).readAll(List.of(zip), events::add);

        int n = Math.min(lines.size(), 3_000);
        assertThat(n).isGreaterThan(1_000);
        assertThat(events).hasSize(lines.size());
        for (int i = 0; i < n; i++) {
            assertThat(bytes(events.get(i).raw())).as("event %d", i).isEqualTo(bytes(lines.get(i)));
        }
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return content.length;
    }

    private static byte[] bytes(@Nullable String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<SourcedEvent> read(Path file) {
        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new EventFiles(problems::add).readAll(List.of(file), events::add);
        assertThat(problems).as("problems in " + file).isEmpty();
        return events;
    }
}
