package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Compares the store's answers with a naive in-memory filter over the same events, for random queries. */
class QueryPropertyTest {
    private static final int DAYS = 5;

    @TempDir
    static Path dir;

    private static LuceneEventStore store;
    private static List<StoredEvent> events;

    @BeforeAll
    static void fill() {
        store = new LuceneEventStore(StoreConfig.defaults(dir));
        events = TestEvents.random(42, 6000, DAYS);
        for (int i = 0; i < events.size(); i += 1000) {
            store.write(new EventBatch(events.subList(i, Math.min(events.size(), i + 1000)), i));
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void countsAndHitsEqualTheNaiveFilter(long seed) {
        QueryGenerator generator = new QueryGenerator(seed);
        Random random = new Random(seed);
        int partial = 0;
        for (int i = 0; i < 25; i++) {
            Query query = generator.next(2);
            Instant from =
                    random.nextBoolean() ? null : TestEvents.BASE.plus(Duration.ofHours(random.nextInt(24 * DAYS)));
            Instant to =
                    from == null || random.nextBoolean() ? null : from.plus(Duration.ofHours(1 + random.nextInt(48)));
            partial += check(query, from, to) ? 1 : 0;
        }
        // Most queries select some events but not all: the comparison is not between empty sets.
        assertThat(partial).isGreaterThanOrEqualTo(8);
    }

    /** Returns whether the query selected some but not all events of the range. */
    private static boolean check(Query query, @Nullable Instant from, @Nullable Instant to) {
        List<StoredEvent> expected = events.stream()
                .filter(e -> (from == null || !e.time().isBefore(from))
                        && (to == null || e.time().isBefore(to)))
                .filter(e -> NaiveMatcher.matches(query, e))
                .toList();
        SearchResult result = store.search(SearchRequest.newest(query, from, to, 100));
        assertThat(result.errors()).as("errors for %s", query).isEmpty();
        assertThat(result.total().value())
                .as("count of %s in [%s, %s)", query, from, to)
                .isEqualTo(expected.size());
        assertThat(result.total().relation()).isEqualTo(SearchResult.Total.Relation.EQ);
        Set<EventId> newest = expected.stream()
                .map(StoredEvent::id)
                .sorted((a, b) -> Long.compare(b.high(), a.high()) != 0
                        ? Long.compare(b.high(), a.high())
                        : Long.compare(b.low(), a.low()))
                .limit(100)
                .collect(Collectors.toSet());
        assertThat(result.hits().stream().map(StoredEvent::id).collect(Collectors.toSet()))
                .as("first page of %s", query)
                .isEqualTo(newest);
        long inRange = events.stream()
                .filter(e -> (from == null || !e.time().isBefore(from))
                        && (to == null || e.time().isBefore(to)))
                .count();
        return !expected.isEmpty() && expected.size() < inRange;
    }
}
