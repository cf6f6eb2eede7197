package vn.lachan.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtrfFeedTest {
    private static final List<String> LINES = List.of(
            "{\"n\":1,\"@timestamp\":\"2020-09-22T01:00:00.000Z\"}",
            "{\"n\":2,\"@timestamp\":\"2020-09-22T01:00:01.000Z\"}",
            "{\"n\":3,\"@timestamp\":\"2020-09-22T01:00:02.000Z\"}",
            "{\"n\":4,\"@timestamp\":\"2020-09-22T01:00:03.000Z\"}",
            "{\"n\":5,\"@timestamp\":\"2020-09-22T01:00:04.000Z\"}");

    @TempDir
    Path dir;

    @Test
    void streamingReplaysTheCorpusWithTimesMovedAnHourOnEachPass() throws IOException {
        try (OtrfFeed feed = new OtrfFeed(List.of(archive()))) {
            List<String> got = take(feed, 7);
            assertThat(got.subList(0, 5)).isEqualTo(LINES);
            assertThat(got.get(5)).contains("\"n\":1").contains("2020-09-22T02:00:00");
            assertThat(got.get(6)).contains("\"n\":2").contains("2020-09-22T02:00:01");
        }
    }

    @Test
    void preloadedHandsTheFirstLinesOverAgainUnshifted() throws IOException {
        try (OtrfFeed feed = new OtrfFeed(List.of(archive()), 3)) {
            List<String> got = take(feed, 8);
            assertThat(got)
                    .containsExactly(
                            LINES.get(0),
                            LINES.get(1),
                            LINES.get(2),
                            LINES.get(0),
                            LINES.get(1),
                            LINES.get(2),
                            LINES.get(0),
                            LINES.get(1));
            assertThat(feed.linesRead()).isEqualTo(3);
            assertThat(feed.replays()).isEqualTo(1);
        }
    }

    @Test
    void preloadingMoreThanTheArchivesHoldKeepsWhatTheyHold() throws IOException {
        try (OtrfFeed feed = new OtrfFeed(List.of(archive()), 1_000)) {
            List<String> got = take(feed, 11);
            assertThat(got.subList(0, 5)).isEqualTo(LINES);
            assertThat(got.subList(5, 10)).isEqualTo(LINES);
            assertThat(got.get(10)).isEqualTo(LINES.get(0));
            assertThat(feed.linesRead()).isEqualTo(5);
        }
    }

    @Test
    void aNegativePreloadIsRefused() throws IOException {
        Path zip = archive();
        assertThatThrownBy(() -> new OtrfFeed(List.of(zip), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void theOptionReachesTheSettings() {
        assertThat(E2eOptions.parse(List.of("--preload", "200000")).preloadLines())
                .isEqualTo(200_000);
        assertThat(E2eOptions.parse(List.of()).preloadLines()).isZero();
        assertThatThrownBy(() -> E2eOptions.parse(List.of("--preload", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--preload");
    }

    private static List<String> take(OtrfFeed feed, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new String(feed.next(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private Path archive() throws IOException {
        Path zip = dir.resolve("sample.zip");
        if (Files.exists(zip)) {
            return zip;
        }
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("sample/events.json"));
            out.write((String.join("\r\n", LINES) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("__MACOSX/sample/._events.json"));
            out.write("not events".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }
}
