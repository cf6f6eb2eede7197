package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;

/** Refuses work that would be too expensive or cannot run, with a reason a person can act on. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void expensiveOrBadQueriesAreRefusedWithAReason() {
        StoreConfig config = new StoreConfig(dir, Duration.ofDays(1), Duration.ofHours(1), 10_000, 500, 100, 2, 16);
        try (LuceneEventStore store = new LuceneEventStore(config)) {
            store.write(new EventBatch(TestEvents.random(9, 500, 4), 1));
            Query leading = new Query.Wildcard("host.name", "*-01");
            SearchResult wide = store.search(SearchRequest.newest(leading, null, null, 10));
            assertThat(wide.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("narrow the time range"));
            SearchResult narrow = store.search(
                    SearchRequest.newest(leading, TestEvents.BASE, TestEvents.BASE.plus(Duration.ofDays(1)), 10));
            assertThat(narrow.errors()).isEmpty();
            assertThat(narrow.total().value()).isPositive();

            SearchResult bigPage = store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 501));
            assertThat(bigPage.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("at most 500"));
            SearchResult badBound = store.search(SearchRequest.newest(
                    new Query.Range("destination.port", new Query.Bound("high", true), null), null, null, 10));
            assertThat(badBound.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("needs a number"));
            SearchResult numericWildcard = store.search(
                    SearchRequest.newest(new Query.Wildcard("network.bytes", "12*"), TestEvents.BASE, null, 10));
            assertThat(numericWildcard.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("use a range"));
            SearchResult cursor = store.search(
                    SearchRequest.newest(new Query.MatchAll(), null, null, 10).after("nonsense"));
            assertThat(cursor.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.location()).isEqualTo("cursor"));
            assertThat(List.of(wide, bigPage, badBound))
                    .allSatisfy(r -> assertThat(r.hits()).isEmpty());
        }
    }

    @Test
    void termsOverTooManyDistinctValuesAreRefusedNotLeftToFillTheHeap() {
        StoreConfig config = new StoreConfig(dir, Duration.ofDays(1), Duration.ofHours(1), 10_000, 500, 100, 2, 16);
        java.util.Random random = new java.util.Random(4);
        List<vn.lachan.core.store.StoredEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            java.util.Map<String, @org.jspecify.annotations.Nullable Object> fields =
                    new java.util.LinkedHashMap<>(java.util.Map.of("session", "s-" + i, "kind", "k" + (i % 7)));
            events.add(TestEvents.stored(random, TestEvents.BASE.plusSeconds(i), "so-tttt", "vpn", fields));
        }
        try (LuceneEventStore store = new LuceneEventStore(config)) {
            store.write(new EventBatch(events, 1));
            SearchResult many = store.search(new SearchRequest(
                    new Query.MatchAll(),
                    null,
                    null,
                    SearchRequest.Order.NEWEST_FIRST,
                    0,
                    null,
                    List.of(new vn.lachan.core.store.Aggregation.Terms("s", "session", 10))));
            assertThat(many.errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("more than 5000 distinct"));
            SearchResult few = store.search(new SearchRequest(
                    new Query.MatchAll(),
                    null,
                    null,
                    SearchRequest.Order.NEWEST_FIRST,
                    0,
                    null,
                    List.of(new vn.lachan.core.store.Aggregation.Terms("k", "kind", 10))));
            assertThat(few.errors()).isEmpty();
            assertThat(few.aggregations())
                    .singleElement()
                    .satisfies(a -> assertThat(((vn.lachan.core.store.AggregationResult.Terms) a).buckets())
                            .hasSize(7));
        }
    }
}
