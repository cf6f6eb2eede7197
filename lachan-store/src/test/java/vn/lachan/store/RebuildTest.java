package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/** Storing the original text only: the fields come back rebuilt from it, searches are unchanged. */
class RebuildTest {
    @TempDir
    Path dir;

    @Test
    void fieldsAreRebuiltFromTheOriginalTextAndSearchesMatchAsBefore() {
        List<StoredEvent> events = TestEvents.random(41, 300, 2);
        AtomicLong rebuilt = new AtomicLong();
        // The test events' original text is the JSON of their fields: parsing it rebuilds them.
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), raw -> {
                    rebuilt.incrementAndGet();
                    return Json.parse(raw);
                });
                LuceneEventStore reference = new LuceneEventStore(StoreConfig.defaults(dir.resolve("reference")))) {
            store.write(new EventBatch(events, 300));
            reference.write(new EventBatch(events, 300));
            StoredEvent wanted = events.get(17);
            StoredEvent got = store.get(wanted.id()).orElseThrow();
            assertThat(got.fields()).isEqualTo(Json.parse(wanted.raw()));
            assertThat(got.raw()).isEqualTo(wanted.raw());
            assertThat(rebuilt.get()).isEqualTo(1);
            for (Query q : List.of(
                    new Query.Term("host.name", "ws-01", false),
                    new Query.Phrase("message", "failed password"),
                    new Query.Cidr("source.ip", "10.0.0.0/8"),
                    new Query.Exists("tag"))) {
                var a = store.search(SearchRequest.newest(q, null, null, 20));
                var b = reference.search(SearchRequest.newest(q, null, null, 20));
                assertThat(a.total()).as("total of %s", q).isEqualTo(b.total());
                assertThat(a.hits()).as("hits of %s", q).isEqualTo(b.hits());
                assertThat(a.total().value()).as("%s matches something", q).isPositive();
            }
        }
        try (LuceneEventStore withoutFunction = new LuceneEventStore(StoreConfig.defaults(dir))) {
            assertThat(withoutFunction
                            .search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                            .total()
                            .value())
                    .isEqualTo(300);
        }
    }
}
