package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Pages through results across partitions, prunes partitions by time, reads events back by id. */
class PagingTest {
    @TempDir
    static Path dir;

    private static LuceneEventStore store;
    private static List<StoredEvent> events;

    @BeforeAll
    static void fill() {
        store = new LuceneEventStore(StoreConfig.defaults(dir));
        events = TestEvents.random(7, 3000, 4);
        store.write(new EventBatch(events, 3000));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyHitComesExactlyOnceInOrderInBothDirections() {
        for (SearchRequest.Order order : SearchRequest.Order.values()) {
            Query query = new Query.Term("event.code", "4624", false);
            long expected =
                    events.stream().filter(e -> NaiveMatcher.matches(query, e)).count();
            SearchRequest request = new SearchRequest(query, null, null, order, 97, null, List.of());
            List<StoredEvent> all = new ArrayList<>();
            SearchResult page = store.search(request);
            while (true) {
                all.addAll(page.hits());
                if (page.nextCursor() == null) {
                    break;
                }
                page = store.search(request.after(page.nextCursor()));
            }
            Set<EventId> ids = new HashSet<>();
            all.forEach(e -> ids.add(e.id()));
            assertThat(ids).as("distinct ids, %s", order).hasSize((int) expected);
            assertThat(all).as("hits, %s", order).hasSize((int) expected);
            for (int i = 1; i < all.size(); i++) {
                int cmp = all.get(i).time().compareTo(all.get(i - 1).time());
                assertThat(order == SearchRequest.Order.NEWEST_FIRST ? cmp <= 0 : cmp >= 0)
                        .isTrue();
            }
        }
    }

    @Test
    void aTimeRangeReadsOnlyItsPartitionsAndBoundsExactly() {
        Instant from = TestEvents.BASE.plus(Duration.ofHours(30));
        Instant to = TestEvents.BASE.plus(Duration.ofHours(50));
        long expected = events.stream()
                .filter(e -> !e.time().isBefore(from) && e.time().isBefore(to))
                .count();
        SearchResult result = store.search(SearchRequest.newest(new Query.MatchAll(), from, to, 10_000));
        assertThat(result.total().value()).isEqualTo(expected);
        assertThat(result.hits()).allSatisfy(e -> assertThat(e.time()).isBetween(from, to.minusMillis(1)));
        assertThat(store.partitions()).hasSize(4);
    }

    @Test
    void getReturnsTheStoredEventWithItsFieldsAndRawText() {
        StoredEvent wanted = events.get(123);
        StoredEvent got = store.get(wanted.id()).orElseThrow();
        assertThat(got.id()).isEqualTo(wanted.id());
        assertThat(got.raw()).isEqualTo(wanted.raw());
        assertThat(got.organization()).isEqualTo(wanted.organization());
        assertThat(got.system()).isEqualTo(wanted.system());
        assertThat(got.fields().get("event.code")).isEqualTo(wanted.fields().get("event.code"));
        assertThat(store.get(EventId.next(TestEvents.BASE, new java.util.Random(1))))
                .isEmpty();
    }

    @Test
    void theTotalIsExactUpToTheBoundThenALowerBound() {
        try (LuceneEventStore small = new LuceneEventStore(new StoreConfig(
                dir.resolve("bounded"), Duration.ofDays(1), Duration.ofHours(1), 500, 1000, 100, 7, 16))) {
            small.write(new EventBatch(events, 1));
            SearchResult result = small.search(SearchRequest.newest(new Query.MatchAll(), null, null, 10));
            assertThat(result.total()).isEqualTo(new SearchResult.Total(500, SearchResult.Total.Relation.GTE));
            SearchResult few = small.search(SearchRequest.newest(
                    new Query.Term("tag", "alpha", false),
                    TestEvents.BASE,
                    TestEvents.BASE.plus(Duration.ofHours(3)),
                    10));
            assertThat(few.total().relation()).isEqualTo(SearchResult.Total.Relation.EQ);
        }
    }
}
