package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/**
 * Layout 3 indexes the message without positions and checks phrases on the stored event; a partition
 * begun by layout 2 (positions, no layout in its commits) keeps positions when written again, and a
 * phrase finds the same events in both, as a plain reading of the messages does.
 */
class LayoutTest {
    private static final Instant FIRST_DAY = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant SECOND_DAY = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dir;

    private Path index(String day) {
        return dir.resolve("events").resolve(day).resolve("index");
    }

    /** Writes the first day's partition as layout 2 did: fields JSON, message with positions. */
    private void writeLayoutTwo(List<StoredEvent> events) throws IOException {
        Schema schema = new Schema();
        try (Directory d = FSDirectory.open(index("2026-03-01"));
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new WordAnalyzer()))) {
            DocumentBuilder builder = new DocumentBuilder();
            for (StoredEvent e : events) {
                w.addDocument(builder.build(e, schema, true, true));
            }
            w.setLiveCommitData(Map.of(Commits.POSITION, "-1").entrySet());
            w.commit();
        }
        schema.save(dir.resolve("events").resolve("2026-03-01"));
    }

    private static long expected(List<StoredEvent> events, String phrase, Instant from, Instant to) {
        return events.stream()
                .filter(e -> !e.time().isBefore(from) && e.time().isBefore(to))
                .filter(e -> (" " + e.fields().get("message") + " ")
                        .toLowerCase(Locale.ROOT)
                        .contains(" " + phrase + " "))
                .count();
    }

    private static long count(LuceneEventStore store, String phrase, Instant from, Instant to) {
        var result = store.search(SearchRequest.newest(new Query.Phrase("message", phrase), from, to, 0));
        assertThat(result.errors()).isEmpty();
        return result.total().value();
    }

    private static IndexOptions messageOptions(Path index) throws IOException {
        IndexOptions most = IndexOptions.NONE;
        try (Directory d = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo("message");
                if (info != null && info.getIndexOptions().compareTo(most) > 0) {
                    most = info.getIndexOptions();
                }
            }
        }
        return most;
    }

    private static @Nullable String layout(Path index) throws IOException {
        try (Directory d = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(d).getUserData().get(Commits.LAYOUT_KEY);
        }
    }

    @Test
    void phrasesMatchInBothLayoutsAndAnOldPartitionKeepsPositions() throws IOException {
        List<StoredEvent> events = TestEvents.random(5, 2_000, 2);
        List<StoredEvent> old = new ArrayList<>();
        List<StoredEvent> later = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            (i < 500 && events.get(i).time().isBefore(SECOND_DAY) ? old : later).add(events.get(i));
        }
        assertThat(old).hasSizeGreaterThan(100);
        writeLayoutTwo(old);
        Instant end = SECOND_DAY.plusSeconds(86_400);
        for (int round = 0; round < 2; round++) {
            try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), Json::parse)) {
                int upTo = (round + 1) * later.size() / 2;
                List<StoredEvent> batch = later.subList(round * later.size() / 2, upTo);
                assertThat(store.write(new EventBatch(batch, upTo)).rejected()).isEmpty();
                List<StoredEvent> written = new ArrayList<>(old);
                written.addAll(later.subList(0, upTo));
                var all = store.search(SearchRequest.newest(new Query.MatchAll(), FIRST_DAY, SECOND_DAY, 0));
                assertThat(all.total().value())
                        .as("day 1 events")
                        .isEqualTo(written.stream()
                                .filter(e -> e.time().isBefore(SECOND_DAY))
                                .count());
                for (String phrase : List.of("session opened", "opened session", "failed password for user")) {
                    for (Instant[] range : List.of(
                            new Instant[] {FIRST_DAY, SECOND_DAY},
                            new Instant[] {SECOND_DAY, end},
                            new Instant[] {FIRST_DAY, end})) {
                        long want = expected(written, phrase, range[0], range[1]);
                        assertThat(count(store, phrase, range[0], range[1]))
                                .as("%s from %s to %s", phrase, range[0], range[1])
                                .isEqualTo(want);
                    }
                }
                assertThat(expected(written, "session opened", FIRST_DAY, end)).isPositive();
            }
        }
        assertThat(messageOptions(index("2026-03-01"))).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        assertThat(layout(index("2026-03-01"))).isEqualTo("2");
        assertThat(messageOptions(index("2026-03-02"))).isEqualTo(IndexOptions.DOCS);
        assertThat(layout(index("2026-03-02"))).isEqualTo(Integer.toString(Commits.LAYOUT));
    }

    @Test
    void theCheckReadsEachValueOfAListAndNestedNames() {
        var query = new VerifiedPhraseQuery(
                "message", List.of("session", "opened"), new WordAnalyzer(), new StoredText(null));
        assertThat(query.holds(List.of("user session", "opened by admin"))).isFalse();
        assertThat(query.holds(List.of("closed", "Session   OPENED"))).isTrue();
        assertThat(VerifiedPhraseQuery.contains(List.of("a", "b", "c"), List.of("b", "c")))
                .isTrue();
        assertThat(VerifiedPhraseQuery.contains(List.of("a", "b"), List.of("b", "c")))
                .isFalse();
    }
}
