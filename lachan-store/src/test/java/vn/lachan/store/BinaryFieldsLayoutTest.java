package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/**
 * Layout 5 stores the fields in binary under a new name: a partition of layout 4 (fields JSON) written
 * again holds both forms and every event reads back with the fields of the JSON round trip, phrases
 * included; stored fields that do not decode give the event with an issue that names the partition and
 * document, not a failed search.
 */
class BinaryFieldsLayoutTest {
    private static final String DAY = "2026-03-01";
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dir;

    private Path index() {
        return dir.resolve("events").resolve(DAY).resolve("index");
    }

    /** Writes the day's partition as layout 4 did when the store kept the fields: their JSON. */
    private void writeLayoutFour(List<StoredEvent> events, byte @Nullable [] fieldsOverride) throws IOException {
        Schema schema = new Schema();
        var config = new IndexWriterConfig(new WordAnalyzer())
                .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
        try (Directory d = FSDirectory.open(index());
                IndexWriter w = new IndexWriter(d, config)) {
            DocumentBuilder builder = new DocumentBuilder();
            for (StoredEvent e : events) {
                List<IndexableField> doc = new java.util.ArrayList<>(builder.build(e, schema, false, false));
                if (fieldsOverride == null) {
                    doc.add(new StoredField(EventDocuments.FIELDS, Json.MAPPER.writeValueAsBytes(e.fields())));
                } else {
                    doc.add(new StoredField(EventDocuments.FIELDS_BINARY, fieldsOverride));
                }
                w.addDocument(doc);
            }
            w.setLiveCommitData(
                    Map.of(Commits.POSITION, "-1", Commits.LAYOUT_KEY, "4").entrySet());
            w.commit();
        }
        schema.save(dir.resolve("events").resolve(DAY));
    }

    private Set<String> storedFieldNames() throws IOException {
        Set<String> names = new HashSet<>();
        try (Directory d = FSDirectory.open(index());
                DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                for (FieldInfo info : leaf.reader().getFieldInfos()) {
                    if (info.name.startsWith("_fields")) {
                        names.add(info.name);
                    }
                }
            }
        }
        return names;
    }

    private static long expectedPhrase(List<StoredEvent> events, String phrase) {
        return events.stream()
                .filter(e -> (" " + e.fields().get("message") + " ")
                        .toLowerCase(Locale.ROOT)
                        .contains(" " + phrase + " "))
                .count();
    }

    @Test
    void aLayoutFourPartitionGoesOnInBinaryAndEveryEventReadsBackAsTheJsonRoundTrip() throws IOException {
        List<StoredEvent> events = TestEvents.random(5, 2_000, 1);
        writeLayoutFour(events.subList(0, 1_000), null);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(events.subList(1_000, 2_000), 2_000));
            store.sync();
            assertThat(storedFieldNames())
                    .containsExactlyInAnyOrder(EventDocuments.FIELDS, EventDocuments.FIELDS_BINARY);
            for (StoredEvent e : events) {
                StoredEvent got = store.get(e.id()).orElseThrow();
                assertThat(got.fields()).as("event %s", e.id()).isEqualTo(Json.parse(Json.write(e.fields())));
                assertThat(got.raw()).isEqualTo(e.raw());
            }
            for (String phrase : List.of("session opened", "failed password for user")) {
                SearchResult result =
                        store.search(SearchRequest.newest(new Query.Phrase("message", phrase), FROM, TO, 0));
                assertThat(result.total().value())
                        .as(phrase)
                        .isEqualTo(expectedPhrase(events, phrase))
                        .isPositive();
            }
        }
    }

    @Test
    void fieldsThatDoNotDecodeGiveAnIssueNamingThePartitionNotAFailedSearch() throws IOException {
        List<StoredEvent> events = TestEvents.random(9, 20, 1);
        writeLayoutFour(events, "not the binary form".getBytes(StandardCharsets.UTF_8));
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            SearchResult result = store.search(SearchRequest.newest(new Query.MatchAll(), FROM, TO, 50));

            assertThat(result.hits()).hasSize(20).allSatisfy(hit -> {
                assertThat(String.valueOf(hit.fields().get(StoredSource.ISSUE)))
                        .startsWith("partition " + DAY + ", document ")
                        .contains("unknown version")
                        .endsWith("(the original text is intact)");
                assertThat(hit.raw()).isNotEmpty();
            });
        }
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), Json::parse)) {
            StoredEvent got = store.get(events.get(3).id()).orElseThrow();

            assertThat(got.fields())
                    .containsAllEntriesOf(Json.parse(events.get(3).raw()));
            assertThat(String.valueOf(got.fields().get(StoredSource.ISSUE)))
                    .endsWith("(fields rebuilt from the original)");
        }
    }
}
