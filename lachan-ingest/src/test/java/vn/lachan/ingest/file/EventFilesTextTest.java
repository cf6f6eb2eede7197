package vn.lachan.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/** Each event read from text keeps that text exactly, however the file spells its JSON. */
class EventFilesTextTest {
    /** One line per oddity a re-serialization loses: spacing, key order, number spelling, escapes, a key twice. */
    static final List<String> ODD_LINES = List.of(
            "{ \"z\" : 1 ,\"a\":\"first\",   \"m\":[ 1 , 2 ] }",
            "{\"n\":1.0e3,\"price\":10.50,\"neg\":-0,\"big\":1E+2}",
            "{\"name\":\"Jos\\u00e9\",\"path\":\"C:\\/Windows\\\\x\",\"tab\":\"\\t\"}",
            "{\"dup\":\"kept?\",\"other\":true,\"dup\":\"last\"}",
            "\t  {\"lead\":\"and trailing blanks\"}  \t",
            "{\"direct\":\"é ข 𝄞\",\"empty\":{}}");

    @TempDir
    Path dir;

    private final List<SourcedEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private ReadCounts read(Path file) {
        return EventFiles.keepingText(problems::add).readAll(List.of(file), events::add);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonLineIsKeptExactlyWhateverTheParserMakesOfIt() throws IOException {
        // CRLF line breaks, a BOM and blank lines around: none of them is part of an event's text
        String content = "\uFEFF" + String.join("\r\n", ODD_LINES) + "\r\n\r\n   \n";
        read(write("odd.jsonl", utf8(content)));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(SourcedEvent::raw).containsExactlyElementsOf(ODD_LINES);
        assertThat(events.get(1).fields()).containsEntry("n", 1000.0).containsEntry("price", 10.5);
        assertThat(events.get(2).fields()).containsEntry("name", "José").containsEntry("path", "C:/Windows\\x");
        // the parser keeps the last value of a key given twice; the raw still shows both
        assertThat(events.get(3).fields()).containsEntry("dup", "last").hasSize(2);
        assertThat(events.get(3).raw()).contains("\"dup\":\"kept?\"");
    }

    @Test
    void withoutAskingForTextNoEventCarriesIt() throws IOException {
        Path file = write("odd.jsonl", utf8(String.join("\n", ODD_LINES)));
        new EventFiles(problems::add).readAll(List.of(file), events::add);

        assertThat(events)
                .hasSize(ODD_LINES.size())
                .allSatisfy(e -> assertThat(e.raw()).isNull());
    }

    @Test
    void anArrayElementIsTheExactSpanOfItsObject() throws IOException {
        String content = "\uFEFF [\n  "
                + String.join(" ,\n\t", ODD_LINES.stream().map(String::strip).toList())
                + ",\n  42, [\"not\", {\"an\":\"event\"}],\n" + ODD_LINES.get(0) + "\n]\n";
        read(write("array.json", utf8(content)));

        List<String> expected =
                new ArrayList<>(ODD_LINES.stream().map(String::strip).toList());
        expected.add(ODD_LINES.get(0));
        assertThat(events).extracting(SourcedEvent::raw).containsExactlyElementsOf(expected);
        assertThat(problems).hasSize(2); // the number and the nested array are no events
    }

    @Test
    void aPrettyPrintedDocumentIsKeptWithItsLineBreaksAndConcatenatedOnesEachAlone() throws IOException {
        String first = "{\n  \"Event\": {\n    \"System\": {\"EventID\": 4688},\n    \"n\": 1.0e3\n  }\n}";
        String second = "{\r\n\t\"Event\" : { \"x\" : \"\\u00e9\" }\r\n}";
        String third = "{\"c\":3}";
        read(write("pretty.json", utf8(first + "\n" + second + third + "\n\n")));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(SourcedEvent::raw).containsExactly(first, second, third);
    }

    @Test
    void spansStayExactAcrossBufferRefillsInsideGzipAndZip() throws IOException {
        List<String> elements = randomObjects(new Random(7), 2_000);
        byte[] array = utf8("[" + String.join(",\n", elements) + "]");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(array);
        }
        read(write("big.json.gz", gz.toByteArray()));
        assertThat(events).extracting(SourcedEvent::raw).containsExactlyElementsOf(elements);

        events.clear();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("a.json"));
            out.write(array);
            out.putNextEntry(new ZipEntry("b.jsonl"));
            out.write(utf8(String.join("\n", elements)));
        }
        read(write("big.zip", zip.toByteArray()));
        List<String> twice = new ArrayList<>(elements);
        twice.addAll(elements);
        assertThat(events).extracting(SourcedEvent::raw).containsExactlyElementsOf(twice);
        assertThat(problems).isEmpty();
    }

    /** Objects from a few bytes to beyond the tape's first 16 KiB, in varied spellings. */
    private static List<String> randomObjects(Random random, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = random.nextInt(10) == 0 ? 20_000 + random.nextInt(40_000) : random.nextInt(300);
            String spaces = " ".repeat(random.nextInt(3));
            out.add("{" + spaces + "\"i\":" + i + "," + spaces + "\"v\" :\"" + "\\u00e9x".repeat(size / 7) + "\""
                    + ",\"f\":" + (random.nextBoolean() ? "1.50" : "2e3") + spaces + "}");
        }
        return out;
    }

    @Test
    void malformedUtf8IsAProblemOrAReplacementCharacterInTheRaw() throws IOException {
        HexFormat hex = HexFormat.of();
        // an invalid start byte (FF) is rejected by the parser; an overlong '/' (C0 AF) it lets through
        byte[] content = hex.parseHex("7b2261223a22ff227d0a" + "7b2261223a22c0af227d0a");
        ReadCounts counts = read(write("bad.jsonl", content));

        assertThat(counts.parseErrors()).isEqualTo(1);
        assertThat(problems.getFirst().location()).isEqualTo("line 1, column 8");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.fields()).containsEntry("a", "/");
            assertThat(e.raw()).isEqualTo("{\"a\":\"\uFFFD\uFFFD\"}");
        });
    }
}
