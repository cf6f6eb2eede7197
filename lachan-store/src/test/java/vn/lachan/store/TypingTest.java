package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/** Field types: ECS fields typed explicitly, others inferred per partition, conflicts kept and counted. */
class TypingTest {
    @TempDir
    Path dir;

    private final Random random = new Random(3);
    private static final Instant T = Instant.parse("2026-04-02T10:00:00Z");

    private StoredEvent event(int second, Map<String, ?> fields) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(fields);
        return TestEvents.stored(random, T.plusSeconds(second), "so-tttt", "portal", copy);
    }

    private static long count(LuceneEventStore store, Query query) {
        var result = store.search(SearchRequest.newest(query, null, null, 0));
        assertThat(result.errors()).as("errors of %s", query).isEmpty();
        return result.total().value();
    }

    @Test
    void inferredTypesAreRecordedAndConflictsAreKeptAsKeywords() {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(
                    List.of(
                            event(1, Map.of("latency", 15L, "peer", "10.1.2.3", "flag", true)),
                            event(2, Map.of("latency", 250L, "peer", "10.1.2.4", "flag", false)),
                            event(3, Map.of("latency", "slow", "peer", "unknown")),
                            event(4, Map.of("latency", 3.0, "source.ip", "-"))),
                    4));
            // the schema file is written with each commit
            assertThat(store.sync()).isEqualTo(4);
            Map<String, @Nullable Object> schema = Json.readMap(dir.resolve("events/2026-04-02/schema.json"));
            assertThat(Json.map(schema.get("fields")))
                    .containsEntry("latency", "long")
                    .containsEntry("peer", "ip")
                    .containsEntry("flag", "keyword");
            assertThat(Json.map(schema.get("conflicts")))
                    .containsEntry("latency", 1)
                    .containsEntry("peer", 1)
                    .containsEntry("source.ip", 1);
            assertThat(count(
                            store,
                            new Query.Range("latency", new Query.Bound("10", true), new Query.Bound("300", true))))
                    .isEqualTo(2);
            assertThat(count(store, new Query.Term("latency", "slow", false))).isEqualTo(1);
            assertThat(count(store, new Query.Term("latency", "3", false))).isEqualTo(1);
            assertThat(count(store, new Query.Cidr("peer", "10.1.2.0/30"))).isEqualTo(1);
            assertThat(count(store, new Query.Term("peer", "unknown", false))).isEqualTo(1);
            assertThat(count(store, new Query.Term("source.ip", "-", true))).isEqualTo(1);
            assertThat(count(store, new Query.Term("flag", "true", false))).isEqualTo(1);
            assertThat(count(store, new Query.Exists("latency"))).isEqualTo(4);
        }
    }

    @Test
    void ecsFieldsKeepTheirTypeWhateverTheFirstValue() {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(
                    List.of(
                            event(
                                    1,
                                    Map.of(
                                            "destination.port",
                                            "443",
                                            "host.name",
                                            "WEB-01",
                                            "message",
                                            "Login FAILED for admin")),
                            event(2, Map.of("destination.port", 8443L, "host.name", "web-02", "message", "login ok"))),
                    2));
            assertThat(count(store, new Query.Range("destination.port", new Query.Bound("443", true), null)))
                    .isEqualTo(2);
            assertThat(count(store, new Query.Term("host.name", "web-01", false)))
                    .isEqualTo(1);
            assertThat(count(store, new Query.Wildcard("host.name", "WEB-*"))).isEqualTo(2);
            assertThat(count(store, new Query.Term("message", "failed", false))).isEqualTo(1);
            assertThat(count(store, new Query.Phrase("message", "failed for admin")))
                    .isEqualTo(1);
            assertThat(count(store, new Query.Phrase("message", "for failed"))).isEqualTo(0);
            assertThat(count(store, new Query.FreeText("login", Query.FreeText.Kind.WORD)))
                    .isEqualTo(2);
        }
    }

    @Test
    void vietnameseTextMatchesWithAndWithoutDiacritics() {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(
                    List.of(
                            event(1, Map.of("message", "Đăng nhập thất bại từ máy WS-01")),
                            event(2, Map.of("message", "Dang nhap thanh cong")),
                            // The same words written decomposed (NFD), as some Windows and macOS sources do.
                            event(3, Map.of("message", Normalizer.normalize("Đăng nhập lỗi", Normalizer.Form.NFD)))),
                    3));
            assertThat(count(store, new Query.Phrase("message", "đăng nhập"))).isEqualTo(3);
            assertThat(count(store, new Query.Phrase("message", "dang nhap"))).isEqualTo(3);
            assertThat(count(store, new Query.Term("message", "lỗi", false))).isEqualTo(1);
            assertThat(count(store, new Query.Phrase("message", "thất bại"))).isEqualTo(1);
            assertThat(count(store, new Query.Phrase("message", "nhập đăng"))).isZero();
            assertThat(count(
                            store, new Query.Phrase("message", Normalizer.normalize("đăng nhập", Normalizer.Form.NFD))))
                    .isEqualTo(3);
        }
    }
}
