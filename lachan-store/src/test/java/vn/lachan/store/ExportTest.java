package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.ExportSummary;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;

/** Streams a whole result as NDJSON and CSV, page by page. */
class ExportTest {
    @TempDir
    Path dir;

    @Test
    void ndjsonAndCsvHoldEveryMatchingEventOnce() {
        List<StoredEvent> events = TestEvents.random(8, 2500, 2);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(events, 1));
            Query query = new Query.Term("event.code", "4625", false);
            long expected =
                    events.stream().filter(e -> NaiveMatcher.matches(query, e)).count();
            SearchRequest request =
                    new SearchRequest(query, null, null, SearchRequest.Order.OLDEST_FIRST, 10, null, List.of());

            ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
            ExportSummary summary = store.export(request, new ExportFormat.Ndjson(), ndjson);
            assertThat(summary.events()).isEqualTo(expected);
            List<String> lines = ndjson.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize((int) expected).doesNotHaveDuplicates();
            assertThat(lines).allSatisfy(line -> assertThat(Json.parse(line)).containsEntry("event.code", "4625"));

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            store.export(request, new ExportFormat.Csv(List.of("_id", "@timestamp", "host.name", "message")), csv);
            List<String> rows = csv.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(rows.getFirst()).isEqualTo("_id,@timestamp,host.name,message");
            assertThat(rows).hasSize((int) expected + 1);
            assertThat(rows.subList(1, rows.size()))
                    .allSatisfy(r -> assertThat(r.split(",")).hasSize(4));
            assertThat(Arrays.stream(rows.get(1).split(",")).toList().get(2)).isIn(TestEvents.HOSTS);
        }
    }

    @Test
    void csvQuotesCommasQuotesAndNewlines() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(Map.of("message", "a, \"b\"\nc"));
        StoredEvent event = TestEvents.stored(new Random(1), TestEvents.BASE, "so-tttt", "x", fields);
        assertThat(Exporter.quote(Exporter.column(event, "message"))).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(Exporter.column(event, "missing")).isEmpty();
    }
}
