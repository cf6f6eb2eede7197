package vn.lachan.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

class EventFilesTest {
    @TempDir
    Path dir;

    private final List<SourcedEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final EventFiles files = new EventFiles(problems::add);

    private ReadCounts read(Path... paths) {
        return files.readAll(List.of(paths), events::add);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    @Test
    void readsJsonLinesWithTypedValues() throws IOException {
        Path file = write("a.jsonl", """
                {"EventID": 4688, "big": 123456789012345678901234567890, "ratio": 0.5, "ok": true, "none": null}
                {"nested": {"list": [1, "two", {"three": 3}]}}
                """);
        ReadCounts counts = read(file);
        assertThat(counts).isEqualTo(new ReadCounts(1, 2, 0, 0));
        Map<String, @Nullable Object> first = events.get(0).fields();
        assertThat(first)
                .containsEntry("EventID", 4688L)
                .containsEntry("big", new BigInteger("123456789012345678901234567890"))
                .containsEntry("ratio", 0.5)
                .containsEntry("ok", true)
                .containsKey("none");
        assertThat(first.get("none")).isNull();
        assertThat(events.get(1).fields().get("nested"))
                .isEqualTo(Map.of("list", List.of(1L, "two", Map.of("three", 3L))));
        assertThat(events).extracting(SourcedEvent::source).containsOnly(file.toString());
        assertThat(events).extracting(SourcedEvent::index).containsExactly(0L, 1L);
    }

    @Test
    void reportsBrokenLinesWithTheirLineAndGoesOn() throws IOException {
        Path file = write("broken.json", "{\"a\":1}\n{\"a\":2\n\n[1,2]\n{\"a\":3} {\"b\":4}\n\"text\"\n{\"a\":5}\n");
        ReadCounts counts = read(file);
        assertThat(counts.events()).isEqualTo(2);
        assertThat(counts.parseErrors()).isEqualTo(4);
        assertThat(events).extracting(e -> e.fields().get("a")).containsExactly(1L, 5L);
        assertThat(events).extracting(SourcedEvent::index).containsExactly(0L, 1L);
        assertThat(problems).extracting(Problem::location).allMatch(l -> l.startsWith("line "));
        assertThat(problems)
                .extracting(p -> p.location().split(",")[0])
                .containsExactly("line 2", "line 4", "line 5", "line 6");
        assertThat(problems.get(1).message()).contains("an array", "not a JSON object");
        assertThat(problems).allMatch(p -> p.source().equals(file.toString()));
    }

    @Test
    void acceptsBomAndCrlf() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "{\"a\":\"x\"}\r\n{\"a\":\"y\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        read(write("bom.json", content), write("bom-pretty.json", concat(bom, "{\r\n  \"a\": \"z\"\r\n}\r\n")));
        assertThat(problems).isEmpty();
        assertThat(events).extracting(e -> e.fields().get("a")).containsExactly("x", "y", "z");
    }

    @Test
    void reportsInvalidUtf8AsAProblemOnItsLine() throws IOException {
        byte[] bad = concat("{\"a\":\"ok\"}\n{\"a\":\"".getBytes(StandardCharsets.UTF_8), "");
        byte[] content = concat(concat(bad, "x"), "");
        content = Arrays.copyOf(content, content.length + 1);
        content[content.length - 1] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
        content = concat(content, "\"}\n{\"a\":\"after\"}\n");
        ReadCounts counts = read(write("utf8.jsonl", content));
        assertThat(counts.events()).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 2");
            assertThat(p.message()).containsIgnoringCase("utf-8");
        });
    }

    @Test
    void readsConcatenatedPrettyDocumentsAndArrays() throws IOException {
        Path docs = write("docs.json", "{\n  \"a\": 1\n}\n{\n  \"a\": 2,\n  \"b\": [true]\n}\n");
        Path array = write("array.json", "[\n {\"a\": 3},\n 7,\n {\"a\": 4}\n]");
        ReadCounts counts = read(docs, array);
        assertThat(counts).isEqualTo(new ReadCounts(2, 4, 1, 0));
        assertThat(events).extracting(e -> e.fields().get("a")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(SourcedEvent::index).containsExactly(0L, 1L, 0L, 1L);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 3, column 2");
            assertThat(p.message()).contains("a number", "not a JSON object");
        });
    }

    @Test
    void stopsADocumentFileAtASyntaxErrorWithItsPosition() throws IOException {
        Path file = write("cut.json", "{\n  \"a\": 1\n}\n{\n  \"a\": \n");
        ReadCounts counts = read(file, write("next.jsonl", "{\"a\":9}\n"));
        assertThat(counts.events()).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line ");
            assertThat(p.message()).contains("rest of this file is not read");
        });
    }

    @Test
    void readsGzipAndZipMembersByTheirOwnNames() throws IOException {
        Path gz = write("a.json.gz", gzip("{\"a\":1}\n{\"a\":2}\n"));
        Path zip = write(
                "b.zip",
                zip(Map.of(
                        "inner/c.json", "[{\"a\":3}]",
                        "inner/d.jsonl.gz", new String(gzip("{\"a\":4}\n"), StandardCharsets.ISO_8859_1),
                        "__MACOSX/inner/._c.json", "binary",
                        "inner/._d.json", "binary",
                        "README.txt", "not events")));
        ReadCounts counts = read(gz, zip);
        assertThat(counts).isEqualTo(new ReadCounts(2, 4, 0, 3));
        assertThat(events)
                .extracting(e -> e.source() + "#" + e.index())
                .containsExactlyInAnyOrder(
                        gz + "#0", gz + "#1", zip + "!/inner/c.json#0", zip + "!/inner/d.jsonl.gz#0");
    }

    @Test
    void walksNestedFoldersInSortedOrderAndSkipsOtherFiles() throws IOException {
        write("f/b/2.json", "{\"n\":2}");
        write("f/a/1.jsonl", "{\"n\":1}");
        write("f/c.json", "{\"n\":3}");
        write("f/info.yml", "title: x");
        write("f/.DS_Store", "x");
        write("f/empty.json", "");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("f"));
        ReadCounts counts = read(relative);
        assertThat(counts).isEqualTo(new ReadCounts(4, 3, 0, 2));
        assertThat(events).extracting(e -> e.fields().get("n")).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).source())
                .isEqualTo(relative.resolve("a/1.jsonl").toString());
        assertThat(Path.of(events.get(0).source()).isAbsolute()).isFalse();
    }

    @Test
    void reportsContentThatIsNotJson() throws IOException {
        ReadCounts counts = read(write("x.json", "PK\u0003\u0004 garbage"));
        assertThat(counts.parseErrors()).isEqualTo(1);
        assertThat(problems.get(0).message()).contains("not JSON", "PK");
    }

    @Test
    void reportsACorruptGzipAndReadsTheNextFile() throws IOException {
        byte[] gz = gzip("{\"a\":1}\n".repeat(1000));
        Path cut = write("cut.jsonl.gz", Arrays.copyOf(gz, gz.length / 2));
        ReadCounts counts = read(cut, write("ok.jsonl", "{\"a\":2}"));
        assertThat(counts.files()).isEqualTo(2);
        assertThat(counts.parseErrors()).isEqualTo(1);
        assertThat(problems.get(0).message()).contains("corrupt or cut short");
        assertThat(events).last().satisfies(e -> assertThat(e.fields()).containsEntry("a", 2L));
    }

    @Test
    void failsNamingAMissingPath() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void readsLinesLongerThanTheBuffer() throws IOException {
        String big = "x".repeat(300_000);
        read(write("long.jsonl", "{\"a\":\"" + big + "\"}\n{\"a\":\"short\"}"));
        assertThat(events).extracting(e -> e.fields().get("a")).containsExactly(big, "short");
    }

    @Test
    void readsAheadOnAnotherThreadInTheSameOrder() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            lines.append(i == 2500 ? "oops" : "{\"i\":" + i + "}").append('\n');
        }
        Path file = write("many.jsonl", lines.toString());
        List<String> seen = new ArrayList<>();
        EventFiles ahead = new EventFiles(p -> seen.add("problem " + p.location()));
        ReadCounts counts = ahead.readAhead(
                List.of(file), 2, e -> seen.add(String.valueOf(e.fields().get("i"))));
        assertThat(counts).isEqualTo(new ReadCounts(1, 4999, 1, 0));
        assertThat(seen).hasSize(5000);
        assertThat(seen.get(2500)).startsWith("problem line 2501");
        assertThat(seen.get(2501)).isEqualTo("2501");
    }

    @Test
    void readAheadPassesOnAFailureOfTheConsumer() throws IOException {
        Path file = write("many.jsonl", "{\"i\":1}\n".repeat(10_000));
        EventFiles ahead = new EventFiles(p -> {});
        assertThatThrownBy(() -> ahead.readAhead(List.of(file), 1, e -> {
                    throw new IllegalStateException("consumer broke");
                }))
                .hasMessage("consumer broke");
    }

    private static byte[] concat(byte[] head, String tail) {
        byte[] more = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }

    private static byte[] gzip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, String> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var member : new java.util.TreeMap<>(members).entrySet()) {
                out.putNextEntry(new ZipEntry(member.getKey()));
                out.write(member.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return bytes.toByteArray();
    }
}
