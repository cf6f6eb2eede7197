package vn.lachan.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;

/** An offline import keeps old events' own times and files the impossible ones under the import time. */
class ImportTimesTest {
    @TempDir
    Path dir;

    @Test
    void anImpossibleTimeIsStoredFlaggedAndAnOldOneKeepsItsTime() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"@timestamp\":\"1601-01-01T00:00:00Z\",\"event.code\":\"4624\",\"host.name\":\"a\"}",
                        "{\"@timestamp\":\"1969-12-31T23:59:59Z\",\"event.code\":\"4625\",\"host.name\":\"b\"}",
                        "{\"@timestamp\":\"2019-05-01T10:00:00Z\",\"event.code\":\"4688\",\"host.name\":\"c\"}"),
                StandardCharsets.UTF_8);
        String data = dir.resolve("data").toString();

        Cli.Run imported = Cli.run("import", "--data", data, file.toString());
        Cli.Run flagged = Cli.run("search", "--data", data, "--format", "jsonl", "_exists_:lachan.time.issue");
        Cli.Run old = Cli.run(
                "search", "--data", data, "--format", "jsonl", "--from", "2019-05-01", "--to", "2019-05-02", "*");

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(flagged.out().lines().toList())
                .hasSize(2)
                .allSatisfy(line ->
                        assertThat(line).contains("\"lachan.time.original\"").contains("outside 1970"));
        assertThat(flagged.out()).contains("1601-01-01T00:00:00Z").contains("1969-12-31T23:59:59Z");
        assertThat(old.out().lines().toList())
                .singleElement()
                .satisfies(line ->
                        assertThat(line).contains("\"event.code\":\"4688\"").doesNotContain("lachan.time.issue"));
    }
}
