package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/**
 * A phrase on a layout-3 partition reads and checks each candidate event (every word present) once per
 * search, though the total, the page and the aggregations each run the query; an export counts nothing.
 * The store's rebuilding function counts the events read.
 */
class PhraseCheckTest {
    private static final List<String> PHRASE = List.of("session", "opened");

    @TempDir
    Path dir;

    private final AtomicLong rebuilt = new AtomicLong();
    private final Function<String, Map<String, @Nullable Object>> counting = raw -> {
        rebuilt.incrementAndGet();
        return Json.parse(raw);
    };

    private static List<String> words(StoredEvent e) {
        return Arrays.asList(String.valueOf(e.fields().get("message"))
                .toLowerCase(Locale.ROOT)
                .split(" "));
    }

    private static boolean candidate(StoredEvent e) {
        Set<String> words = new HashSet<>(words(e));
        return words.containsAll(PHRASE);
    }

    private static boolean holds(StoredEvent e) {
        return VerifiedPhraseQuery.contains(words(e), PHRASE);
    }

    @Test
    void eachCandidateIsCheckedOncePerSearch() {
        List<StoredEvent> events = TestEvents.random(23, 4_000, 1);
        long candidates = events.stream().filter(PhraseCheckTest::candidate).count();
        long matching = events.stream().filter(PhraseCheckTest::holds).count();
        assertThat(matching).isGreaterThan(20).isLessThan(candidates);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), counting)) {
            store.write(new EventBatch(events, events.size()));
            Query phrase = new Query.Phrase("message", String.join(" ", PHRASE));
            var request = new SearchRequest(
                    phrase,
                    null,
                    null,
                    SearchRequest.Order.NEWEST_FIRST,
                    10,
                    null,
                    List.of(new Aggregation.Terms("codes", "event.code", 10)));
            rebuilt.set(0);
            SearchResult result = store.search(request);
            assertThat(result.errors()).isEmpty();
            assertThat(result.total().value()).isEqualTo(matching);
            assertThat(result.hits())
                    .hasSize(10)
                    .allSatisfy(h -> assertThat(holds(h)).isTrue());
            // each candidate checked once, then the page's 10 hits and one more (is there a next page?) read
            assertThat(rebuilt.get()).isEqualTo(candidates + 11);

            rebuilt.set(0);
            var out = new ByteArrayOutputStream();
            var summary = store.export(SearchRequest.newest(phrase, null, null, 0), new ExportFormat.Ndjson(), out);
            assertThat(summary.events()).isEqualTo(matching);
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize((int) matching);
            // pages of 1,000: one page, no count: the candidates checked, the hits read
            assertThat(rebuilt.get()).isEqualTo(candidates + matching);
        }
    }
}
