package vn.lachan.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.app.Cli;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;
import vn.lachan.testkit.Corpus;

/** An offline import stores each event's text as the file holds it, not a re-serialization of its fields. */
class ImportRawTest {
    /** Lines whose spelling a JSON round trip would change: spacing, key order, numbers, escapes, a key twice. */
    static final List<String> ODD_LINES = List.of(
            "{ \"@timestamp\" : \"2024-03-01T10:00:01Z\",  \"z\":1 , \"a\" : [ 1 ,2 ] }",
            "{\"@timestamp\":\"2024-03-01T10:00:02Z\",\"n\":1.0e3,\"price\":10.50,\"big\":1E+2}",
            "{\"@timestamp\":\"2024-03-01T10:00:03Z\",\"user\":\"Jos\\u00e9\",\"path\":\"C:\\/x\"}",
            "{\"@timestamp\":\"2024-03-01T10:00:04Z\",\"dup\":\"first\",\"dup\":\"second\"}",
            "\t{\"@timestamp\":\"2024-03-01T10:00:05Z\",\"direct\":\"é 𝄞\"}  ");

    static final String PRETTY = "{\n  \"@timestamp\": \"2024-03-01T10:00:06Z\",\n  \"Event\": {\"n\": 2.50}\n}";
    static final String ELEMENT = "{\"@timestamp\":\"2024-03-01T10:00:07Z\" , \"in\":\"array\"}";

    @TempDir
    Path dir;

    @Test
    void storesTheTextOfEachLineArrayElementAndDocumentAndTheFieldsOfAnEvtxRecord() throws IOException {
        Path lines = Files.writeString(dir.resolve("odd.jsonl"), String.join("\r\n", ODD_LINES) + "\r\n");
        Path pretty = Files.writeString(dir.resolve("pretty.json"), PRETTY + "\n");
        Path array = Files.writeString(dir.resolve("array.json"), "[\n  " + ELEMENT + "\n]\n");
        Path evtx = firstEvtx();
        Path data = dir.resolve("data");

        Cli.Run run = Cli.run(
                "import",
                "--data",
                data.toString(),
                lines.toString(),
                pretty.toString(),
                array.toString(),
                evtx.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> expected = new ArrayList<>(ODD_LINES);
        expected.add(PRETTY);
        expected.add(ELEMENT);
        List<String> raws = search(data, "*").stream().map(StoredEvent::raw).toList();
        assertThat(raws).containsAll(expected).hasSizeGreaterThan(expected.size());
        assertThat(search(data, "dup:second")).extracting(StoredEvent::raw).containsExactly(ODD_LINES.get(3));
        // an EVTX record has no text: its fields stand for it, in JSON
        JsonMapper json = JsonMapper.builder().build();
        assertThat(raws.stream().filter(r -> !expected.contains(r)))
                .allSatisfy(r -> assertThat(json.readValue(r, Map.class)).containsKey("Event"));
    }

    private static Path firstEvtx() throws IOException {
        try (Stream<Path> walk = Files.walk(Corpus.require("sigma/regression_data"))) {
            return walk.filter(p -> p.toString().endsWith(".evtx"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static List<StoredEvent> search(Path data, String query) {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            var request = new SearchRequest(
                    QueryParser.parse(query).result().orElseThrow(),
                    null,
                    null,
                    SearchRequest.Order.OLDEST_FIRST,
                    100,
                    null,
                    List.of());
            return store.search(request).hits();
        }
    }
}
